// Every page is prerendered into static HTML; trailing slashes make plain static hosts serve index.html.
export const prerender = true;
export const trailingSlash = 'always';
