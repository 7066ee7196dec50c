import { useTranslation } from 'react-i18next';
import type { Money } from '@habeas/contracts';
import { useFormat } from '../../shared/format';

/** A small horizontal bar chart (plain SVG) of amounts per currency; bars compare within the chart only. */
export function MoneyBars(props: { values: Money[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const max = Math.max(...props.values.map((v) => v.amountMinor), 1);
  const rowHeight = 28;
  return (
    <svg width="100%" height={props.values.length * rowHeight} role="img" aria-label={t('dashboard.raisedThisMonth')}>
      {props.values.map((value, i) => {
        const label = format.money(value.amountMinor, value.currency);
        return (
          <g key={value.currency} transform={`translate(0, ${i * rowHeight})`}>
            <rect x="0" y="4" height={rowHeight - 10} width={`${Math.max(2, (value.amountMinor / max) * 70)}%`} rx="4" fill="var(--mantine-color-indigo-5)" />
            <text x="72%" y={rowHeight / 2 + 4} fontSize="13" fill="currentColor">
              {label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
