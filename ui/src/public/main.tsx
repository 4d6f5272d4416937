// Entry point of the public page (public.html, served at /public): fonts and styles are bundled
// (no network at run time); none of the logged-in application's code is loaded.
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import '../styles.css';
import './public.css';
import { render } from 'preact';
import { applyLang, initialLang } from './i18n';
import { PublicApp } from './public_app';

applyLang(initialLang());
const root = document.getElementById('public');
if (root) render(<PublicApp />, root);
