// 20 px outline icons in the manner of Fluent System Icons, drawn with currentColor so they follow the
// button's colour. Constant markup only.
const svg = (body: string) =>
  `<svg viewBox="0 0 20 20" width="20" height="20" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const ICONS = {
  create: svg(
    '<path d="M11 2.5H5.5a1.5 1.5 0 0 0-1.5 1.5v12a1.5 1.5 0 0 0 1.5 1.5h4"/><path d="M11 2.5 16 7.5v2.5"/><path d="M11 2.5v5h5"/><path d="M15 12.5v5M12.5 15h5"/>',
  ),
  validate: svg(
    '<path d="M10 2.5 4 5v4.5c0 3.6 2.6 6.6 6 8 3.4-1.4 6-4.4 6-8V5Z"/><path d="m7.2 10 2 2 3.8-4"/>',
  ),
  submit: svg('<path d="M2.8 9.9 17.2 3.2l-3.6 14-4.3-5.5Z"/><path d="m9.3 11.7 7.9-8.5"/>'),
  pull: svg(
    '<rect x="2.5" y="3.5" width="15" height="13" rx="1.5"/><path d="M2.5 7.5h15M2.5 11.5h15M7.5 7.5v9M12.5 7.5v9"/>',
  ),
  settings: svg(
    '<circle cx="10" cy="10" r="2.5"/><path d="M10 2.5v2M10 15.5v2M2.5 10h2M15.5 10h2M4.7 4.7l1.4 1.4M13.9 13.9l1.4 1.4M4.7 15.3l1.4-1.4M13.9 6.1l1.4-1.4"/>',
  ),
  retry: svg('<path d="M15.5 10a5.5 5.5 0 1 1-1.6-3.9"/><path d="M14.5 2.8v3.6h-3.6"/>'),
  back: svg('<path d="M12.5 4.5 7 10l5.5 5.5"/>'),
  dismiss: svg('<path d="m5 5 10 10M15 5 5 15"/>'),
  error: svg('<circle cx="10" cy="10" r="7.5"/><path d="M10 6v5M10 13.8v.2"/>'),
  warning: svg('<path d="M10 3 2.5 16.5h15Z"/><path d="M10 8v4M10 14.2v.2"/>'),
  success: svg('<circle cx="10" cy="10" r="7.5"/><path d="m6.8 10.2 2.2 2.2 4.2-4.4"/>'),
  info: svg('<circle cx="10" cy="10" r="7.5"/><path d="M10 9v5M10 6.2v.2"/>'),
  queue: svg('<circle cx="10" cy="10" r="7.5"/><path d="M10 5.5V10l3 2"/>'),
} as const;
