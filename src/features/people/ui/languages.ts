/** Languages are typed as one comma-separated line: "English, Spanish". */
export function parseLanguages(text: string): string[] {
  return text
    .split(",")
    .map((language) => language.trim())
    .filter((language) => language !== "");
}
