// Boot: pick the language (i18n/), build the page frame and navigation, load
// the wasm core once, then mount every section. A section that fails to
// mount shows its error and leaves the others working.
import './styles/main.css';
import { h } from './ui/dom.js';
import { useLocale } from './ui/format.js';
import { languageSwitch, loadLanguage } from './i18n/index.js';
import { registerServiceWorker } from './offline/register.js';
import { loadCore } from './wasm.js';
import { addSkipLink, focusableScrollers, followCurrentLink } from './ui/page_a11y.js';
import { GROUPS } from './sections/index.js';
import { createUrlState } from './state/url_state.js';
import { useA11yStrings } from './ui/a11y_strings.js';
import { warmTrainer } from './boot/warm_trainer.js';

function buildFrame(strings) {
  document.documentElement.lang = strings.lang;
  document.title = strings.title;
  const nav = h('nav', { class: 'site-nav', 'aria-label': strings.navLabel },
    h('a', { class: 'brand', href: '#top', text: strings.title }),
    languageSwitch(h, { current: strings.lang, label: strings.offline.language }),
    GROUPS.map((group) => h('div', { class: 'nav-group' },
      h('span', { class: 'nav-group-title', text: group.title(strings) }),
      h('ul', {}, group.sections.map((section) =>
        h('li', {}, h('a', { href: `#${section.id}`, text: section.navTitle(strings) })))))));
  const status = h('p', { class: 'boot-status', role: 'status', text: strings.loading });
  const main = h('main', { id: 'top' },
    h('header', { class: 'hero' }, h('h1', { text: strings.title }), h('p', { text: strings.tagline }), status));
  const footer = h('footer', {}, h('p', { text: strings.footer }));
  document.body.replaceChildren(nav, main, footer);
  return { main, status };
}

function mountSections(main, context) {
  for (const group of GROUPS) {
    for (const section of group.sections) {
      const root = h('section', { id: section.id, class: 'lab-section' });
      main.append(root);
      try {
        section.mount(root, context);
      } catch (error) {
        root.append(h('p', { class: 'message', text: error.message }));
        console.error(error);
      }
    }
  }
}

// Highlights the section in view in the navigation.
function followScroll() {
  const links = new Map([...document.querySelectorAll('.site-nav a[href^="#"]')].map((a) => [a.hash.slice(1), a]));
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        links.forEach((a) => a.removeAttribute('aria-current'));
        links.get(entry.target.id)?.setAttribute('aria-current', 'true');
      }
    }
  }, { rootMargin: '-30% 0px -60% 0px' });
  document.querySelectorAll('.lab-section').forEach((section) => observer.observe(section));
}

async function boot() {
  const trainerWarmth = warmTrainer();  // the trainer's worker loads its core in parallel (boot/warm_trainer.js)
  // The core downloads while the strings load; its failure is reported below, in the page's language.
  const core = loadCore().then((reglab) => ({ reglab }), (error) => ({ error }));
  const { locale, strings } = await loadLanguage();
  useLocale(locale);
  useA11yStrings(strings.a11y);
  const { main, status } = buildFrame(strings);
  addSkipLink(main, strings.a11y);
  const { reglab, error } = await core;
  if (error) {
    status.textContent = strings.loadFailed(error.message);
    status.classList.add('message');
    return;
  }
  status.remove();
  const urlState = createUrlState({ strings });  // every section's settings in the address
  if (urlState.notice) main.querySelector('.hero').append(urlState.notice);
  mountSections(main, { reglab, strings, urlState });
  followScroll();
  trainerWarmth.whenNear();
  followCurrentLink(document.querySelector('.site-nav'));
  focusableScrollers(main, undefined, strings.a11y);
  document.documentElement.dataset.ready = 'true';
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  registerServiceWorker({ strings, noticeParent: main.querySelector('.hero') });  // after boot: the first chart comes first
}

boot();
