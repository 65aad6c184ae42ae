//! billet-core: everything Billet knows about sites and posts, with no
//! desktop or webview code in it, so that it is quick to build and to test,
//! and shared by the app and the `billet` command line.

pub mod edit;
pub mod git;
pub mod lang;
pub mod library;
pub mod media;
pub mod names;
pub mod new_post;
pub mod paths;
pub mod post;
pub mod preview;
pub mod recovery;
pub mod save;
pub mod settings;
pub mod site;
pub mod watch;
pub mod workspace;
