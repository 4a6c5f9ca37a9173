// Tailwind CSS 4 for the portal; the admin's own styles pass through untouched.
export default { plugins: { '@tailwindcss/postcss': {} } }
