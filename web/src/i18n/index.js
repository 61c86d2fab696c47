// The page's language in the browser: picked at boot from the stored choice
// or navigator.languages, its strings loaded (each language is its own chunk),
// and a switch that stores a new choice and reloads (the URL, its state and
// hash included, stays as it is).
import { chooseLanguage, LANGUAGES, localeOf } from './choose.js';

export const STORAGE_KEY = 'reglab-language';

const LOADERS = {
  en: () => import('../strings/en.js'),
  ko: () => import('../strings/ko.js'),
};

function storedChoice() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;  // storage blocked (a sandboxed frame, some private modes): follow the browser
  }
}

/** {code, locale, strings} of the language to show. */
export async function loadLanguage() {
  const code = chooseLanguage({ stored: storedChoice(), languages: navigator.languages ?? [navigator.language] });
  const strings = (await LOADERS[code]()).default;
  return { code, locale: localeOf(code), strings };
}

/** Stores the choice and reloads the page in it. */
export function switchLanguage(code) {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // not stored: the reload would come back in the old language, so say so instead of reloading
    return false;
  }
  location.reload();
  return true;
}

/** The switch for the navigation: one button per language, the current one pressed. */
export function languageSwitch(h, { current, label }) {
  return h('div', { class: 'toggles language-switch', role: 'group', 'aria-label': label },
    LANGUAGES.map(({ code, label: name }) => h('button', {
      type: 'button',
      lang: code,
      class: 'toggle language-option',
      'aria-pressed': String(code === current),
      dataset: { language: code },
      text: name,
      on: { click: () => { if (code !== current) switchLanguage(code); } },
    })));
}
