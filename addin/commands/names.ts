// Ribbon function names: the manifest's <FunctionName> values, associated with Office.actions.associate.
export const RIBBON_FUNCTIONS = ["createTemplate", "validate", "submit", "pull", "review"] as const;
export type RibbonFunction = (typeof RIBBON_FUNCTIONS)[number];
