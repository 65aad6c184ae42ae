//! The interface's TypeScript types are generated from the Rust types that
//! cross to it. This fails when `ui/src/lib/bindings.ts` is stale; run it
//! with `UPDATE_BINDINGS=1` to write the file again.

use std::path::PathBuf;

#[test]
fn the_interface_types_match_the_rust_types() {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
    let fresh = billet_core::workspace::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&file, &fresh).expect("writing bindings.ts");
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is stale: run `UPDATE_BINDINGS=1 cargo test -p billet-core --test interface_types` and commit it",
        file.display()
    );
}
