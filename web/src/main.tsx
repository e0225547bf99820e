/** Entry point: styles, then the app into #root. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/app.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/gallery.css';
import './styles/chat.css';
import './styles/editor.css';
import './styles/users.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
