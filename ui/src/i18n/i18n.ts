// The interface language: which one is chosen (kept in localStorage `sanad.lang`), its text
// direction, and `t()` to look strings up. The choice is applied to <html lang dir> so the
// whole page, including CSS logical properties, mirrors for Arabic and Kurdish.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ar } from './ar';
import { ckb } from './ckb';
import { en, type MessageKey, type Messages } from './en';

export type Lang = 'en' | 'ar' | 'ckb';
export type { MessageKey };

export interface LangInfo { code: Lang; label: string; dir: 'ltr' | 'rtl' }

/** In the order shown in the header; labels are each language's own name for itself. */
export const LANGS: readonly LangInfo[] = [
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'ar', label: 'العربية', dir: 'rtl' },
  { code: 'ckb', label: 'کوردی', dir: 'rtl' },
];

const kStorageKey = 'sanad.lang';
const kMessages: Record<Lang, Messages> = { en, ar, ckb };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'ar' || value === 'ckb';
}

export function storedLang(): Lang {
  try {
    const value = localStorage.getItem(kStorageKey);
    if (isLang(value)) return value;
  } catch {
    // Storage can be disabled; fall back to English.
  }
  return 'en';
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(kStorageKey, lang);
  } catch {
    // Not remembered, but the switch still works for this page.
  }
}

export function langInfo(lang: Lang): LangInfo {
  return LANGS.find((l) => l.code === lang) ?? LANGS[0]!;
}

export function applyLang(lang: Lang): void {
  const root = document.documentElement;
  root.lang = lang;
  root.dir = langInfo(lang).dir;
}

export function translator(lang: Lang): Translate {
  const messages = kMessages[lang];
  return (key, params) => {
    const text = messages[key] ?? en[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole);
  };
}

/** Arabic and Kurdish screens show Arabic place names; English shows English ones. */
export function placeName(lang: Lang, place: { name_en?: string; name_ar?: string } | null | undefined): string {
  if (!place) return '';
  const arabic = place.name_ar ?? '';
  const english = place.name_en ?? '';
  return lang === 'en' ? english || arabic : arabic || english;
}

export interface I18n { lang: Lang; t: Translate; setLang: (lang: Lang) => void }

export const I18nContext = createContext<I18n>({
  lang: 'en',
  t: translator('en'),
  setLang: () => undefined,
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** The label of an enum value (`status`, `idp_in_camp` → "IDP in camp"); unknown values as sent. */
export function enumLabel(t: Translate, prefix: string, value: string | null | undefined): string {
  if (!value) return '';
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}
