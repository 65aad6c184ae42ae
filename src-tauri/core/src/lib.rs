//! billet-core: everything Billet knows about sites and posts, with no
//! desktop or webview code in it, so that it is quick to build and to test,
//! and shared by the app and the `billet` command line.

pub mod lang;
pub mod names;
pub mod paths;
pub mod post;
pub mod site;
