// Every string the interface shows, in French and English. Messages that come
// from Rust (errors, field checks, post problems) are already translated
// there; these are the interface's own words and the few errors it raises.

import type { Label, Lang } from "./ipc";
import { uiLanguage } from "./ui-language.svelte";

const fr = {
  "app.name": "Billet",

  "site.open": "Ouvrir un site…",
  "site.openTitle": "Choisissez le dossier de votre site",
  "site.recent": "Sites récents",
  "site.noRecent": "Aucun site récent",
  "site.none": "Aucun site ouvert",

  "save.button": "Enregistrer",
  "save.saving": "Enregistrement…",
  "save.savedAt": "Enregistré à {time}",
  "save.shortcut": "Enregistrer (Ctrl+S)",
  "dirty.label": "Modifié",
  "dirty.title": "Des modifications ne sont pas encore enregistrées",
  "language.label": "Langue de l'interface",

  "list.heading": "Articles",
  "list.newPost": "Nouvel article",
  "list.search": "Rechercher un titre…",
  "list.empty": "Aucun article pour l'instant. Écrivez le premier !",
  "list.noMatch": "Aucun titre ne contient « {query} ».",
  "list.untitled": "Sans titre",
  "list.noDate": "Sans date",
  "list.errors": "À corriger",
  "list.warnings": "À vérifier",

  "form.heading": "Informations de l'article",
  "form.file": "Fichier",
  "form.required": "obligatoire",
  "form.choose": "Choisir…",
  "form.listPlaceholder": "Ajouter, puis Entrée",
  "form.remove": "Retirer « {item} »",
  "form.unsupported": "Cette valeur a une forme que le formulaire ne sait pas modifier ; elle reste telle quelle.",
  "form.imagePlaceholder": "/blog/2026/ma-photo.jpg",
  "form.coverPreview": "Aperçu de la couverture",
  "cover.pick": "Choisir une image…",
  "cover.dropHint": "ou déposez une photo ici, ou collez-la (Ctrl+V)",
  "cover.preparing": "Préparation de l'image…",
  "picture.pickTitle": "Choisissez une image",
  "framing.heading": "Cadrer la couverture",
  "framing.help": "Faites glisser le cadre, ou cliquez là où la couverture doit se centrer. La molette ou le curseur zooment.",
  "framing.frame": "Cadre de la couverture (flèches pour le déplacer)",
  "framing.focus": "Point central",
  "framing.zoom": "Zoom",
  "framing.source": "Image : {width} × {height}",
  "framing.part": "partie gardée : {width} × {height}",
  "framing.onBlog": "Sur la liste du blog",
  "framing.cancel": "Annuler",
  "framing.use": "Utiliser cette couverture",
  "framing.using": "Écriture…",
  "unit.kB": "Ko",
  "alt.heading": "Décrire l'image",
  "alt.help": "Ce texte remplace l'image pour qui ne la voit pas (lecteur d'écran, image qui ne charge pas).",
  "alt.label": "Description",
  "alt.placeholder": "Par exemple : l'équipe devant le stand",
  "alt.insert": "Insérer l'image",
  "alt.inserting": "Insertion…",
  "form.counter": "{count} caractères sur {max}",

  "editor.heading": "Texte de l'article",
  "editor.placeholder": "Écrivez votre article ici…",
  "toolbar.label": "Mise en forme",
  "toolbar.bold": "Gras (Ctrl+B)",
  "toolbar.italic": "Italique (Ctrl+I)",
  "toolbar.heading": "Intertitre",
  "toolbar.link": "Lien (Ctrl+K)",
  "toolbar.list": "Liste à puces",
  "toolbar.quote": "Citation",
  "toolbar.image": "Insérer une image…",
  "toolbar.boldText": "texte en gras",
  "toolbar.italicText": "texte en italique",
  "toolbar.headingText": "Intertitre",
  "toolbar.linkText": "texte du lien",

  "preview.heading": "Aperçu",
  "preview.frameTitle": "Aperçu de l'article tel que le site l'affichera",
  "preview.noCover": "Pas encore d'image de couverture",
  "preview.untitled": "Titre de l'article",
  "preview.empty": "L'aperçu de l'article apparaîtra ici.",
  "preview.internalLink": "« {href} » mène à une page du site : l'aperçu n'ouvre que les liens web et e-mail.",
  "splitter.label": "Redimensionner l'aperçu",

  "welcome.title": "Bienvenue dans Billet",
  "welcome.text": "Ouvrez le dossier de votre site : vous y retrouverez vos articles, vous en écrirez de nouveaux et vous les verrez tels que le site les montrera.",
  "welcome.recent": "Ou reprenez là où vous en étiez :",
  "noPost.title": "Choisissez un article",
  "noPost.text": "Sélectionnez un article dans la liste pour le modifier, ou commencez-en un nouveau.",

  "newPost.heading": "Nouvel article",
  "newPost.title": "Titre",
  "newPost.titlePlaceholder": "Par exemple : Bilan de l'année",
  "newPost.date": "Date de publication",
  "newPost.author": "Auteur ou autrice",
  "newPost.badge": "Catégorie",
  "newPost.savedAs": "Sera enregistré sous",
  "newPost.pathPending": "Tapez un titre : Billet choisira le nom du fichier.",
  "newPost.create": "Créer l'article",
  "newPost.creating": "Création…",

  "common.cancel": "Annuler",
  "common.close": "Fermer",

  "confirm.title": "Modifications non enregistrées",
  "confirm.discard": "« {title} » a des modifications qui ne sont pas enregistrées. Les abandonner ?",
  "confirm.discardOk": "Abandonner les modifications",
  "confirm.quit": "« {title} » a des modifications qui ne sont pas enregistrées. Quitter sans les enregistrer ?",
  "confirm.quitOk": "Quitter sans enregistrer",
  "confirm.keep": "Continuer l'édition",

  "conflict.title": "Le fichier a changé sur le disque",
  "conflict.text": "« {path} » a été modifié par quelqu'un d'autre, ou par un autre logiciel, depuis que vous l'avez ouvert. Rien n'a encore été écrasé.",
  "conflict.reload": "Recharger la version du disque",
  "conflict.reloadHint": "Vos modifications seront abandonnées.",
  "conflict.keep": "Garder ma version",
  "conflict.keepHint": "Votre version remplace celle du disque.",
  "conflict.compare": "Comparer",
  "conflict.compareHint": "Voir les deux versions côte à côte.",
  "conflict.disk": "Sur le disque",
  "conflict.mine": "Ma version",
  "conflict.changedFields": "Champs que vous avez modifiés : {fields}",
  "conflict.loading": "Lecture du fichier…",
  "conflict.deletedTitle": "Le fichier n'existe plus",
  "conflict.deletedText": "« {path} » a été supprimé ou déplacé en dehors de Billet. Votre texte est toujours là : enregistrez-le pour recréer le fichier.",
  "conflict.saveAgain": "Enregistrer à nouveau",

  "error.unexpected": "Quelque chose s'est mal passé. Réessayez ; si cela recommence, redémarrez Billet.",
  "error.dismiss": "Masquer ce message",
} as const;

export type MessageKey = keyof typeof fr;

const en: Record<MessageKey, string> = {
  "app.name": "Billet",

  "site.open": "Open site…",
  "site.openTitle": "Choose your site's folder",
  "site.recent": "Recent sites",
  "site.noRecent": "No recent sites",
  "site.none": "No site open",

  "save.button": "Save",
  "save.saving": "Saving…",
  "save.savedAt": "Saved at {time}",
  "save.shortcut": "Save (Ctrl+S)",
  "dirty.label": "Unsaved",
  "dirty.title": "Some changes are not saved yet",
  "language.label": "Interface language",

  "list.heading": "Posts",
  "list.newPost": "New post",
  "list.search": "Search titles…",
  "list.empty": "No posts yet. Write the first one!",
  "list.noMatch": "No title contains “{query}”.",
  "list.untitled": "Untitled",
  "list.noDate": "No date",
  "list.errors": "Needs fixing",
  "list.warnings": "Worth checking",

  "form.heading": "Post details",
  "form.file": "File",
  "form.required": "required",
  "form.choose": "Choose…",
  "form.listPlaceholder": "Add, then Enter",
  "form.remove": "Remove “{item}”",
  "form.unsupported": "This value has a shape the form cannot edit; it is kept as it is.",
  "form.imagePlaceholder": "/blog/2026/my-photo.jpg",
  "form.coverPreview": "Cover preview",
  "cover.pick": "Choose a picture…",
  "cover.dropHint": "or drop a photo here, or paste one (Ctrl+V)",
  "cover.preparing": "Preparing the picture…",
  "picture.pickTitle": "Choose a picture",
  "framing.heading": "Frame the cover",
  "framing.help": "Drag the frame, or click where the cover should centre. The mouse wheel or the slider zooms.",
  "framing.frame": "The cover's frame (arrow keys move it)",
  "framing.focus": "Focal point",
  "framing.zoom": "Zoom",
  "framing.source": "Picture: {width} × {height}",
  "framing.part": "part kept: {width} × {height}",
  "framing.onBlog": "On the blog's list",
  "framing.cancel": "Cancel",
  "framing.use": "Use this cover",
  "framing.using": "Writing…",
  "unit.kB": "kB",
  "alt.heading": "Describe the picture",
  "alt.help": "This text stands for the picture for those who cannot see it (screen readers, a picture that fails to load).",
  "alt.label": "Description",
  "alt.placeholder": "For example: the team in front of the stand",
  "alt.insert": "Insert the picture",
  "alt.inserting": "Inserting…",
  "form.counter": "{count} of {max} characters",

  "editor.heading": "Post text",
  "editor.placeholder": "Write your post here…",
  "toolbar.label": "Formatting",
  "toolbar.bold": "Bold (Ctrl+B)",
  "toolbar.italic": "Italic (Ctrl+I)",
  "toolbar.heading": "Heading",
  "toolbar.link": "Link (Ctrl+K)",
  "toolbar.list": "Bulleted list",
  "toolbar.quote": "Quote",
  "toolbar.image": "Insert a picture…",
  "toolbar.boldText": "bold text",
  "toolbar.italicText": "italic text",
  "toolbar.headingText": "Heading",
  "toolbar.linkText": "link text",

  "preview.heading": "Preview",
  "preview.frameTitle": "The post as the site will show it",
  "preview.noCover": "No cover image yet",
  "preview.untitled": "Post title",
  "preview.empty": "The post's preview will appear here.",
  "preview.internalLink": "“{href}” leads to a page of the site: the preview only opens web and email links.",
  "splitter.label": "Resize the preview",

  "welcome.title": "Welcome to Billet",
  "welcome.text": "Open your site's folder: you will find your posts there, write new ones, and see them as the site will show them.",
  "welcome.recent": "Or pick up where you left off:",
  "noPost.title": "Pick a post",
  "noPost.text": "Select a post in the list to edit it, or start a new one.",

  "newPost.heading": "New post",
  "newPost.title": "Title",
  "newPost.titlePlaceholder": "For example: Our year in review",
  "newPost.date": "Publication date",
  "newPost.author": "Author",
  "newPost.badge": "Category",
  "newPost.savedAs": "Will be saved as",
  "newPost.pathPending": "Type a title: Billet will choose the file name.",
  "newPost.create": "Create post",
  "newPost.creating": "Creating…",

  "common.cancel": "Cancel",
  "common.close": "Close",

  "confirm.title": "Unsaved changes",
  "confirm.discard": "“{title}” has changes that are not saved. Discard them?",
  "confirm.discardOk": "Discard changes",
  "confirm.quit": "“{title}” has changes that are not saved. Quit without saving them?",
  "confirm.quitOk": "Quit without saving",
  "confirm.keep": "Keep editing",

  "conflict.title": "The file changed on disk",
  "conflict.text": "“{path}” was changed by someone else, or by another program, since you opened it. Nothing has been overwritten yet.",
  "conflict.reload": "Reload the disk version",
  "conflict.reloadHint": "Your changes will be dropped.",
  "conflict.keep": "Keep my version",
  "conflict.keepHint": "Your version replaces the one on disk.",
  "conflict.compare": "Compare",
  "conflict.compareHint": "See both versions side by side.",
  "conflict.disk": "On disk",
  "conflict.mine": "My version",
  "conflict.changedFields": "Fields you changed: {fields}",
  "conflict.loading": "Reading the file…",
  "conflict.deletedTitle": "The file is gone",
  "conflict.deletedText": "“{path}” was deleted, or moved outside Billet. Your text is still here: save it to create the file again.",
  "conflict.saveAgain": "Save again",

  "error.unexpected": "Something went wrong. Try again; if it keeps happening, restart Billet.",
  "error.dismiss": "Dismiss this message",
};

export const messages: Record<Lang, Record<MessageKey, string>> = { fr, en };

export type Params = Record<string, string | number>;

/** The message in `lang`, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return messages[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The message in the interface's current language; reactive in components. */
export function t(key: MessageKey, params?: Params): string {
  return translate(uiLanguage.current, key, params);
}

export function setUiLanguage(lang: Lang): void {
  uiLanguage.current = lang;
  document.documentElement.lang = lang;
}

/** A site-given label (one text, or one per language) in `lang`, falling back to the other language, then to `fallback`. */
export function labelText(label: Label | null | undefined, lang: Lang, fallback = ""): string {
  if (typeof label === "string") return label;
  if (!label) return fallback;
  const other: Lang = lang === "fr" ? "en" : "fr";
  return label[lang] || label[other] || fallback;
}

/** The system's language when Rust cannot tell (the UI runs without the shell). */
export function browserLanguage(): Lang {
  return navigator.language.toLowerCase().startsWith("fr") ? "fr" : "en";
}
