/** The Starling mark: a small bird shape, decorative (the name is always next to it). */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="16" className="logo-back" />
      <path d="M18 40c8-2 14-8 18-16 2 6 6 10 12 12-8 2-13 7-16 14-3-5-8-9-14-10z" className="logo-bird" />
    </svg>
  );
}
