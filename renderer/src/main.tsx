import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import './ui/styles/base.css';
import './ui/styles/components.css';
import './app/shell.css';
import './features/session/login.css';
import './features/session/lock.css';
import './features/session/idle.css';
import './features/outbox/outbox.css';
import './features/readConfirmations/readConfirmations.css';
import './features/timeline/timeline.css';
import './features/people/people.css';
import './features/kb/kb.css';
import './features/search/search.css';
import './features/mailings/mailings.css';
import './features/polls/polls.css';
import './features/stats/statistics.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
