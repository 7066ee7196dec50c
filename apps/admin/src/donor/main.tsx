import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../donate/donate.css';
import './donor.css';
import { DonorPage } from './DonorPage';

createRoot(document.getElementById('donor-root')!).render(
  <StrictMode>
    <DonorPage />
  </StrictMode>,
);
