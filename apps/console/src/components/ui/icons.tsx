import type { SVGProps } from 'react';

// A handful of outline icons (24×24, stroke), inline so the console loads nothing from elsewhere.
function Icon({ d, ...props }: SVGProps<SVGSVGElement> & { d: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className="size-5 shrink-0"
      {...props}
    >
      <path d={d} />
    </svg>
  );
}

type P = SVGProps<SVGSVGElement>;
export const HomeIcon = (p: P) => (
  <Icon {...p} d="M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z" />
);
export const RocketIcon = (p: P) => (
  <Icon
    {...p}
    d="M5 15c-1.5 1.5-2 5-2 5s3.5-.5 5-2m-3-3 4 4m-4-4 2.5-5.5C9.5 5 14 2.5 21 3c.5 7-2 11.5-6.5 13.5L9 19m6-10a1 1 0 1 0 0-.01"
  />
);
export const ServerIcon = (p: P) => (
  <Icon {...p} d="M4 5h16v5H4zm0 9h16v5H4zm3-6.5h.01M7 16.5h.01M11 7.5h6m-6 9h6" />
);
export const ListIcon = (p: P) => (
  <Icon {...p} d="M8 6h13M8 12h13M8 18h13M3.5 6h.01M3.5 12h.01M3.5 18h.01" />
);
export const UsersIcon = (p: P) => (
  <Icon
    {...p}
    d="M16 19v-1a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v1m7-9a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7m13 9v-1a4 4 0 0 0-3-3.9M16 3.1a3.5 3.5 0 0 1 0 6.8"
  />
);
export const KeyIcon = (p: P) => (
  <Icon
    {...p}
    d="M15 7a2 2 0 0 1 2 2m4 0a6 6 0 0 1-7.7 5.7L11 17H9v2H7v2H3v-3.6l6.3-6.3A6 6 0 1 1 21 9"
  />
);
export const BookIcon = (p: P) => (
  <Icon
    {...p}
    d="M4 19.5A2.5 2.5 0 0 1 6.5 17H20V3H6.5A2.5 2.5 0 0 0 4 5.5zm0 0A2.5 2.5 0 0 0 6.5 22H20v-5"
  />
);
export const ShieldIcon = (p: P) => (
  <Icon {...p} d="M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6zm-3 9 2 2 4-4" />
);
export const CheckIcon = (p: P) => <Icon {...p} d="m5 12 5 5L20 7" />;
export const PlusIcon = (p: P) => <Icon {...p} d="M12 5v14M5 12h14" />;
export const TrashIcon = (p: P) => (
  <Icon {...p} d="M4 7h16M10 11v6m4-6v6M6 7l1 13h10l1-13M9 7V4h6v3" />
);
export const ChevronDownIcon = (p: P) => <Icon {...p} d="m6 9 6 6 6-6" />;
export const ArrowRightIcon = (p: P) => <Icon {...p} d="M5 12h14m-6-6 6 6-6 6" />;
export const AppIcon = (p: P) => (
  <Icon {...p} d="M4 4h7v7H4zm9 0h7v7h-7zM4 13h7v7H4zm9 0h7v7h-7z" />
);
