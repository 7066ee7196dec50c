import { daysAfterArrest } from './demo-dates';

/**
 * The facts of the demo case told once (case-article.txt), in Russian as the team writes them; every area's
 * demo reads them from here, so the medical record, the custody events and the legal actions agree.
 * Times are UTC; Moscow is UTC+3.
 */
export const demoFacilities = {
  ivs: { name: 'ИВС ГУ МВД России по г. Москве', kind: 'temporary_detention_centre', address: 'г. Москва' },
  hospital: { name: 'городская клиническая больница г. Москвы', kind: 'hospital', address: 'г. Москва' },
  sizo: { name: 'ФКУ СИЗО-1 УФСИН России по г. Москве', kind: 'pretrial_detention_centre', address: '107076, г. Москва, ул. Матросская Тишина, д. 18' },
  court: { name: 'Тверской районный суд г. Москвы', kind: 'court', address: '127051, г. Москва, Цветной бульвар, д. 25А' },
  appealCourt: { name: 'Московский городской суд', kind: 'court', address: '107996, г. Москва, ул. Богородский Вал, д. 8' },
  secondCourt: { name: 'Мещанский районный суд г. Москвы', kind: 'court', address: '129090, г. Москва, ул. Каланчёвская, д. 43А' },
  secondSizo: { name: 'ФКУ СИЗО-2 УФСИН России по г. Москве', kind: 'pretrial_detention_centre', address: '127055, г. Москва, ул. Новослободская, д. 45' },
} as const;

export const demoCase = {
  defendant: 'Воронцов Владимир',
  courtCaseNumber: (year: number) => `3/2-0412/${year}`,
  judge: 'Ковалёва Марина Викторовна',
  investigatingAgency: 'ГСУ ГУ МВД России по г. Москве',
};

/** The two incidents of the article, as the medical record holds them. */
export function demoIncidents(now = new Date()) {
  return {
    // 8 May, the evening after the arraignment: ambulance to the IVS for high blood pressure, not hospitalised.
    ambulance: {
      occurredAt: daysAfterArrest(0, '18:30', now),
      type: 'ambulance_call' as const,
      severity: 'high' as const,
      facility: demoFacilities.ivs.name,
    },
    // The night to 11 May: ambulance again, admitted to a Moscow hospital.
    hospitalisation: {
      occurredAt: daysAfterArrest(2, '22:00', now),
      type: 'hospitalisation' as const,
      severity: 'high' as const,
      facility: demoFacilities.ivs.name,
    },
  };
}
