// Tailwind CSS 4 runs as a PostCSS plugin inside Next's CSS pipeline; no CDN, no runtime script.
export default { plugins: { '@tailwindcss/postcss': {} } };
