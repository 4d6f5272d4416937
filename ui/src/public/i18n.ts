// The public page's languages: English, Arabic, Kurdish Sorani and French, its own small
// catalogue (the application's is not loaded here). The choice is kept in localStorage
// (`sanad.publicLang`), may be given as `?lang=`, and is applied to <html lang dir>.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { publicAr } from './i18n_ar';
import { publicCkb } from './i18n_ckb';
import { publicEn, type PublicKey, type PublicMessages } from './i18n_en';
import { publicFr } from './i18n_fr';

export type PublicLang = 'en' | 'ar' | 'ckb' | 'fr';
export type { PublicKey };

export interface PublicLangInfo { code: PublicLang; label: string; dir: 'ltr' | 'rtl' }

/** In the order shown; each language's own name for itself. */
export const PUBLIC_LANGS: readonly PublicLangInfo[] = [
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'ar', label: 'العربية', dir: 'rtl' },
  { code: 'ckb', label: 'کوردی', dir: 'rtl' },
  { code: 'fr', label: 'Français', dir: 'ltr' },
];

const kStorageKey = 'sanad.publicLang';
const kMessages: Record<PublicLang, PublicMessages> = { en: publicEn, ar: publicAr, ckb: publicCkb, fr: publicFr };

export type PublicParams = Record<string, string | number>;
export type PublicTranslate = (key: PublicKey, params?: PublicParams) => string;

function isPublicLang(value: unknown): value is PublicLang {
  return PUBLIC_LANGS.some((l) => l.code === value);
}

/** `?lang=` first (a shared link), then the stored choice, else English. */
export function initialLang(): PublicLang {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (isPublicLang(asked)) return asked;
  try {
    const stored = localStorage.getItem(kStorageKey);
    if (isPublicLang(stored)) return stored;
  } catch {
    // Storage can be disabled: English.
  }
  return 'en';
}

export function storeLang(lang: PublicLang): void {
  try {
    localStorage.setItem(kStorageKey, lang);
  } catch {
    // Not remembered; the switch still works for this page.
  }
}

export function applyLang(lang: PublicLang): void {
  const info = PUBLIC_LANGS.find((l) => l.code === lang) ?? PUBLIC_LANGS[0]!;
  document.documentElement.lang = lang;
  document.documentElement.dir = info.dir;
}

export function translator(lang: PublicLang): PublicTranslate {
  const messages = kMessages[lang];
  return (key, params) => {
    const text = messages[key] ?? publicEn[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** A vocabulary value's label (`sector`, `gbv`); unknown values as sent. */
export function vocabulary(t: PublicTranslate, prefix: 'sector' | 'activity', value: string): string {
  const key = `${prefix}.${value}`;
  return Object.prototype.hasOwnProperty.call(publicEn, key) ? t(key as PublicKey) : value;
}

/** Arabic and Kurdish read the Arabic name; English and French the English one. */
export function localName(lang: PublicLang, names: { name_en?: string | null; name_ar?: string | null }): string {
  const arabic = names.name_ar ?? '';
  const latin = names.name_en ?? '';
  return lang === 'ar' || lang === 'ckb' ? arabic || latin : latin || arabic;
}

export interface PublicI18n { lang: PublicLang; t: PublicTranslate; setLang: (lang: PublicLang) => void }

export const PublicI18nContext = createContext<PublicI18n>({ lang: 'en', t: translator('en'), setLang: () => undefined });

export function usePublicI18n(): PublicI18n {
  return useContext(PublicI18nContext);
}
