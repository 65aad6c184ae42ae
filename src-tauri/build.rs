fn main() {
    // tauri-build looks for ./capabilities by default; ours sit in src-tauri/.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    // The built interface is embedded in the binary: rebuild when it changes.
    println!("cargo:rerun-if-changed=ui/dist");
    tauri_build::try_build(
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*"),
    )
    .expect("tauri-build");
}
