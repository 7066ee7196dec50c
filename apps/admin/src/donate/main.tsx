import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './donate.css';
import { DonatePage } from './DonatePage';

createRoot(document.getElementById('donate-root')!).render(
  <StrictMode>
    <DonatePage />
  </StrictMode>,
);
