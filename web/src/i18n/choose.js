// Which language the page speaks: pure, so node tests it (tests/node/strings.test.mjs).

/** The page's languages; `label` is written in the language itself, `locale` formats numbers. */
export const LANGUAGES = [
  { code: 'en', label: 'English', locale: 'en-US' },
  { code: 'ko', label: '한국어', locale: 'ko-KR' },
];
const CODES = new Set(LANGUAGES.map((l) => l.code));
export const DEFAULT_LANGUAGE = 'en';

/**
 * stored: the user's earlier choice (localStorage) or null; languages: the
 * browser's preference list (navigator.languages). The stored choice wins;
 * then the first browser language the page has (by its primary subtag:
 * 'ko-KR' -> 'ko'); then English.
 */
export function chooseLanguage({ stored, languages } = {}) {
  if (CODES.has(stored)) return stored;
  for (const tag of languages ?? []) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (CODES.has(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

export const localeOf = (code) => LANGUAGES.find((l) => l.code === code)?.locale ?? 'en-US';
