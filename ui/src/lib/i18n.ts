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
  "list.errors": "À corriger : {messages}",
  "list.warnings": "À vérifier : {messages}",

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
  "framing.stepReading": "Lecture du fichier…",
  "framing.stepPreparing": "Billet la redresse et en fait un aperçu pour le cadrage ; le cadre se placera sur ce qui attire l'œil.",
  "framing.writing": "Écriture de la couverture…",
  "framing.stepWriting": "Billet l'enregistre au format du site, puis la met dans le champ.",
  "framing.exactPending": "Aperçu exact en préparation…",
  "framing.cardWaiting": "En attente de l'image…",
  "size.bytes": "{size}\u00A0o",
  "size.kB": "{size}\u00A0Ko",
  "size.MB": "{size}\u00A0Mo",
  "alt.heading": "Décrire l'image",
  "alt.help": "Ce texte remplace l'image pour qui ne la voit pas (lecteur d'écran, image qui ne charge pas).",
  "alt.label": "Description",
  "alt.placeholder": "Par exemple : l'équipe devant le stand",
  "alt.insert": "Insérer l'image",
  "alt.inserting": "Insertion…",
  "form.counter": "{count} caractères sur {max}",
  "date.format": "jj/mm/aaaa",
  "date.invalid": "Date non comprise : écrivez-la sous la forme jj/mm/aaaa, par exemple {example}.",

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
  "link.heading": "Ajouter un lien",
  "link.address": "Adresse du lien",
  "link.placeholder": "https://exemple.org/une-page",
  "link.help": "Collez l'adresse de la page (elle commence par https://), ou une adresse e-mail.",
  "link.onText": "Le lien portera sur « {text} ».",
  "link.onAddress": "Aucun texte n'est sélectionné : l'adresse elle-même sera le texte du lien.",
  "link.insert": "Ajouter le lien",

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
  "banner.changed": "« {path} » vient de changer sur le disque, et vous avez des modifications non enregistrées. Rien n'est écrasé tant que vous n'avez pas choisi.",
  "banner.keepMine": "Garder ma version",
  "banner.takeTheirs": "Prendre celle du disque",
  "disk.reloaded": "L'article a changé sur le disque : Billet l'a rechargé.",
  "restore.heading": "Des modifications n'avaient pas été enregistrées",
  "restore.help": "Billet s'est arrêté sans que ces articles soient enregistrés. Récupérez vos modifications, ou abandonnez-les.",
  "restore.savedAt": "gardé le {time}",
  "restore.restore": "Récupérer",
  "restore.discard": "Abandonner",
  "restore.gone": "Le fichier n'existe plus sur le disque : le récupérer le recrée.",
  "restore.later": "Plus tard",
  "ready.open": "Publier…",
  "ready.openTitle": "Enregistrer, voir les fichiers de l'article, puis enregistrer cette version dans l'historique du site ou les exporter",
  "ready.heading": "Prêt à publier",
  "ready.loading": "Lecture des fichiers de l'article…",
  "ready.noRepository": "Ce site n'a pas d'historique des versions : exportez les fichiers pour les envoyer à la personne qui publie.",
  "ready.noRepositoryTitle": "Le site n'est pas dans un dépôt git.",
  "ready.others": "Autres fichiers modifiés du site, non inclus ({count})",
  "ready.diff": "Ce qui a changé depuis la dernière version enregistrée",
  "ready.diffTitle": "Le diff de l'article depuis le dernier commit",
  "ready.errors": "À corriger avant de publier",
  "ready.warnings": "À vérifier",
  "ready.blocked": "Corrigez d'abord les erreurs ci-dessus.",
  "ready.message": "Description de cette version",
  "ready.messageTitle": "Le message du commit git",
  "ready.commit": "Enregistrer cette version dans l'historique du site",
  "ready.commitTitle": "Fait un commit git de ces fichiers, et d'eux seuls",
  "ready.committing": "Enregistrement de la version…",
  "ready.recorded": "Version enregistrée : {files}.",
  "ready.recordedTitle": "Commit {id}",
  "ready.export": "Exporter en zip…",
  "ready.exporting": "Export…",
  "ready.exportTitle": "Enregistrer le zip de l'article",
  "ready.exported": "Zip écrit : {file} ({files}).",
  "ready.send": "Envoyer sur le site",
  "ready.sendReview": "Envoyer pour relecture",
  "ready.sendTitle": "Enregistre cette version dans l'historique, puis l'envoie au site en ligne (git commit, fetch, rebase et push)",
  "ready.sending": "Envoi…",
  "send.step.checking": "Vérification de l'article",
  "send.step.recording": "Enregistrement dans l'historique",
  "send.step.fetching": "Nouvelles du site",
  "send.step.replaying": "Ajout de votre article aux nouveautés du site",
  "send.step.sending": "Envoi",
  "send.step.retrying": "Le site a changé entre-temps : nouvel essai",
  "send.sent": "Envoyé sur le site ({remote}).",
  "send.sentReview": "Envoyé pour relecture ({remote}).",
  "send.sentTitle": "{branch} sur {url}, commit {id}",
  "send.reviewLink": "Demander la relecture",
  "send.reviewNoLink": "Demandez la relecture sur le site de votre hébergeur : la version s'appelle « {branch} ».",
  "settle.heading": "Quelqu'un d'autre a aussi modifié cet article",
  "settle.intro": "Choisissez, pour chaque information et chaque paragraphe, ce qui reste. Rien n'est perdu tant que vous n'avez pas terminé.",
  "settle.fields": "Informations",
  "settle.body": "Texte",
  "settle.theirs": "Leur version",
  "settle.yours": "Votre version",
  "settle.original": "Avant vous deux",
  "settle.both": "Garder les deux",
  "settle.none": "(absent)",
  "settle.same": "{count} paragraphe(s) identique(s)",
  "settle.finish": "Terminer et envoyer",
  "settle.finishing": "Envoi…",
  "settle.abandon": "Abandonner l'envoi",
  "settle.abandoned": "Envoi abandonné : votre version reste enregistrée, en attente d'envoi.",
  "files.one": "{count} fichier",
  "files.other": "{count} fichiers",
  "files.post": "l'article",
  "files.itsCover": "sa couverture",
  "files.cover": "la couverture",
  "files.pictures.one": "une image",
  "files.pictures.other": "{count} images",
  "state.new": "nouveau",
  "state.modified": "modifié",
  "state.unchanged": "déjà enregistré",
  "state.recorded": "enregistré",
  "state.deleted": "supprimé",
  "state.missing": "manquant",
  "state.ignored": "exclu de l'historique",
  "state.outside": "hors historique",
  "git.new": "Nouveau",
  "git.newTitle": "Jamais enregistré dans l'historique du site",
  "git.modified": "Modifié",
  "git.modifiedTitle": "Modifié depuis la dernière version enregistrée dans l'historique du site",
  "git.recorded": "Enregistré",
  "git.recordedTitle": "Enregistré dans l'historique du site, tel qu'il est",
  "git.waiting": "En attente d'envoi",
  "git.waitingTitle": "Enregistré dans l'historique, pas encore envoyé au site",
  "git.sent": "Envoyé",
  "git.sentTitle": "Envoyé au site, tel qu'il est",
  "git.inReview": "En relecture",
  "git.inReviewTitle": "Envoyé pour relecture, pas encore sur le site",

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
  "list.errors": "Needs fixing: {messages}",
  "list.warnings": "Worth checking: {messages}",

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
  "framing.stepReading": "Reading the file…",
  "framing.stepPreparing": "Billet turns it upright and makes a view of it to frame on; the frame will go on what catches the eye.",
  "framing.writing": "Writing the cover…",
  "framing.stepWriting": "Billet saves it in the site's format, then puts it in the field.",
  "framing.exactPending": "Making the exact preview…",
  "framing.cardWaiting": "Waiting for the picture…",
  "size.bytes": "{size}\u00A0B",
  "size.kB": "{size}\u00A0kB",
  "size.MB": "{size}\u00A0MB",
  "alt.heading": "Describe the picture",
  "alt.help": "This text stands for the picture for those who cannot see it (screen readers, a picture that fails to load).",
  "alt.label": "Description",
  "alt.placeholder": "For example: the team in front of the stand",
  "alt.insert": "Insert the picture",
  "alt.inserting": "Inserting…",
  "form.counter": "{count} of {max} characters",
  "date.format": "YYYY-MM-DD",
  "date.invalid": "Date not understood: write it as YYYY-MM-DD, for example {example}.",

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
  "link.heading": "Add a link",
  "link.address": "Link address",
  "link.placeholder": "https://example.org/a-page",
  "link.help": "Paste the page's address (it starts with https://), or an email address.",
  "link.onText": "The link goes on “{text}”.",
  "link.onAddress": "No text is selected: the address itself becomes the link's text.",
  "link.insert": "Add the link",

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
  "banner.changed": "“{path}” just changed on disk, and you have unsaved changes. Nothing is overwritten until you choose.",
  "banner.keepMine": "Keep mine",
  "banner.takeTheirs": "Take the disk's",
  "disk.reloaded": "The post changed on disk: Billet reloaded it.",
  "restore.heading": "Some changes were not saved",
  "restore.help": "Billet stopped before these posts were saved. Restore your changes, or discard them.",
  "restore.savedAt": "kept on {time}",
  "restore.restore": "Restore",
  "restore.discard": "Discard",
  "restore.gone": "The file no longer exists on disk: restoring recreates it.",
  "restore.later": "Later",
  "ready.open": "Publish…",
  "ready.openTitle": "Save, see the post's files, then record this version in the site's history or export them",
  "ready.heading": "Ready to publish",
  "ready.loading": "Reading the post's files…",
  "ready.noRepository": "This site keeps no history of versions: export the files and send them to whoever publishes.",
  "ready.noRepositoryTitle": "The site is not in a git repository.",
  "ready.others": "Other changed files of the site, not included ({count})",
  "ready.diff": "What changed since the last recorded version",
  "ready.diffTitle": "The post's diff since the last commit",
  "ready.errors": "To fix before publishing",
  "ready.warnings": "Worth checking",
  "ready.blocked": "Fix the errors above first.",
  "ready.message": "Description of this version",
  "ready.messageTitle": "The git commit message",
  "ready.commit": "Record this version in the site's history",
  "ready.commitTitle": "Makes a git commit of these files, and of them only",
  "ready.committing": "Recording the version…",
  "ready.recorded": "Version recorded: {files}.",
  "ready.recordedTitle": "Commit {id}",
  "ready.export": "Export as zip…",
  "ready.exporting": "Exporting…",
  "ready.exportTitle": "Save the post's zip",
  "ready.exported": "Zip written: {file} ({files}).",
  "ready.send": "Send to the site",
  "ready.sendReview": "Send for review",
  "ready.sendTitle": "Records this version in the history, then sends it to the live site (git commit, fetch, rebase and push)",
  "ready.sending": "Sending…",
  "send.step.checking": "Checking the post",
  "send.step.recording": "Recording in the history",
  "send.step.fetching": "Getting the site's news",
  "send.step.replaying": "Adding your post to the site's news",
  "send.step.sending": "Sending",
  "send.step.retrying": "The site changed meanwhile: trying again",
  "send.sent": "Sent to the site ({remote}).",
  "send.sentReview": "Sent for review ({remote}).",
  "send.sentTitle": "{branch} on {url}, commit {id}",
  "send.reviewLink": "Ask for a review",
  "send.reviewNoLink": "Ask for a review on your host's website: the version is called “{branch}”.",
  "settle.heading": "Someone else also changed this post",
  "settle.intro": "Choose, for each detail and each paragraph, what stays. Nothing is lost until you finish.",
  "settle.fields": "Details",
  "settle.body": "Text",
  "settle.theirs": "Their version",
  "settle.yours": "Your version",
  "settle.original": "Before either of you",
  "settle.both": "Keep both",
  "settle.none": "(none)",
  "settle.same": "{count} unchanged paragraph(s)",
  "settle.finish": "Finish and send",
  "settle.finishing": "Sending…",
  "settle.abandon": "Give up sending",
  "settle.abandoned": "Sending given up: your version stays recorded, waiting to be sent.",
  "files.one": "{count} file",
  "files.other": "{count} files",
  "files.post": "the post",
  "files.itsCover": "its cover",
  "files.cover": "the cover",
  "files.pictures.one": "a picture",
  "files.pictures.other": "{count} pictures",
  "state.new": "new",
  "state.modified": "modified",
  "state.unchanged": "already recorded",
  "state.recorded": "recorded",
  "state.deleted": "deleted",
  "state.missing": "missing",
  "state.ignored": "left out of the history",
  "state.outside": "outside the history",
  "git.new": "New",
  "git.newTitle": "Never recorded in the site's history",
  "git.modified": "Changed",
  "git.modifiedTitle": "Changed since last recorded in the site's history",
  "git.recorded": "Recorded",
  "git.recordedTitle": "Recorded in the site's history, as it is",
  "git.waiting": "Waiting to be sent",
  "git.waitingTitle": "Recorded in the history, not yet sent to the site",
  "git.sent": "Sent",
  "git.sentTitle": "Sent to the site, as it is",
  "git.inReview": "Under review",
  "git.inReviewTitle": "Sent for review, not yet on the site",

  "error.unexpected": "Something went wrong. Try again; if it keeps happening, restart Billet.",
  "error.dismiss": "Dismiss this message",
};

/**
 * French typography puts a narrow no-break space before « : », « ; », « ? »
 * and « ! », and inside « guillemets », so that they never start a line.
 * The strings above are written with ordinary spaces, easier to read and
 * type; this puts the right space in once, for every French string.
 */
export function frenchSpacing(text: string): string {
  return text.replace(/ ([:;?!»])/g, "\u202F$1").replace(/« /g, "«\u202F");
}

const frTyped = Object.fromEntries(Object.entries(fr).map(([key, text]) => [key, frenchSpacing(text)])) as Record<
  MessageKey,
  string
>;

export const messages: Record<Lang, Record<MessageKey, string>> = { fr: frTyped, en };

/** Numbers given as parameters are written the language's way (« 4 000 », "4,000"). */
export type Params = Record<string, string | number>;

/** The message in `lang`, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return messages[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? formatNumber(value, lang) : value;
  });
}

/** The message in the interface's current language; reactive in components. */
export function t(key: MessageKey, params?: Params): string {
  return translate(uiLanguage.current, key, params);
}

/** The message for `count` things, in the singular or the plural as `lang` wants it (French: 0 and 1 are singular). */
export function countOf(lang: Lang, count: number, one: MessageKey, other: MessageKey): string {
  const form = new Intl.PluralRules(lang).select(count) === "one" ? one : other;
  return translate(lang, form, { count });
}

/** A number as `lang` writes it: « 50,1 » and « 4 000 » in French, "50.1" and "4,000" in English. */
export function formatNumber(value: number, lang: Lang, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(lang, options).format(value);
}

/** A share (1 for 100 %) as `lang` writes it: « 150 % », "150%". */
export function formatPercent(value: number, lang: Lang): string {
  return formatNumber(value, lang, { style: "percent", maximumFractionDigits: 0 });
}

/** A file's size in bytes, kilobytes or megabytes, with one decimal under 100 (« 50,1 Ko », "50.1 kB"). */
export function formatSize(bytes: number, lang: Lang): string {
  const [key, amount]: [MessageKey, number] =
    bytes < 1000 ? ["size.bytes", bytes] : bytes < 1_000_000 ? ["size.kB", bytes / 1000] : ["size.MB", bytes / 1_000_000];
  const size = formatNumber(amount, lang, { maximumFractionDigits: amount < 100 ? 1 : 0 });
  return translate(lang, key, { size });
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
