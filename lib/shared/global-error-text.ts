// What the app says when even its root layout failed (app/global-error.tsx). Nothing of the page is
// left then — no language, no catalogs — so it is said in both languages, with the words of the
// `ErrorPage` catalog entries (tests/unit/i18n/vocabulary.test.ts keeps the two the same). A copy
// here, not the catalogs: they would add ~60 KB to a script every page loads.
export const GLOBAL_ERROR_TEXT = {
  en: {
    title: "Something went wrong",
    body: "The page could not be shown. Nothing you entered was lost on our side; try again, and if it keeps happening tell your workspace admin.",
    reference: "Reference: {digest}",
    retry: "Try again",
  },
  sw: {
    title: "Hitilafu imetokea",
    body: "Ukurasa haukuweza kuonyeshwa. Hakuna ulichoingiza kilichopotea upande wetu; jaribu tena, na ikiendelea kutokea mwambie msimamizi wa eneo lako la kazi.",
    reference: "Kumbukumbu: {digest}",
    retry: "Jaribu tena",
  },
} as const;
