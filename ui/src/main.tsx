// Entry point: fonts and styles are bundled (no network at run time), then the app mounts.
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import './styles.css';
import { render } from 'preact';
import { App } from './app/app';
import { applyLang, storedLang } from './i18n/i18n';

applyLang(storedLang());
const root = document.getElementById('app');
if (root) render(<App />, root);
