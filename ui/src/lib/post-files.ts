// The files that make a post, named for an author rather than by path.

import type { FileRole, Lang } from "./ipc";
import { countOf, translate } from "./i18n";

/** The roles of some of a post's files in words: « l'article et sa couverture », "the post, its cover, and 2 pictures". */
export function nameFiles(roles: FileRole[], lang: Lang): string {
  const hasPost = roles.includes("post");
  const pictures = roles.filter((role) => role === "image").length;
  const names = [
    hasPost ? translate(lang, "files.post") : null,
    roles.includes("cover") ? translate(lang, hasPost ? "files.itsCover" : "files.cover") : null,
    pictures > 0 ? countOf(lang, pictures, "files.pictures.one", "files.pictures.other") : null,
  ].filter((name) => name !== null);
  return new Intl.ListFormat(lang, { type: "conjunction" }).format(names);
}

/** How many files, and which when known: « 2 fichiers (l'article et sa couverture) ». */
export function countFiles(count: number, roles: FileRole[], lang: Lang): string {
  const files = countOf(lang, count, "files.one", "files.other");
  const names = nameFiles(roles, lang);
  return names ? `${files} (${names})` : files;
}
