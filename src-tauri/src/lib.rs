//! Billet's desktop shell: a thin Tauri layer over billet-core. It opens the
//! window, holds the open site, answers the UI's commands, and serves the
//! site's images to the webview.

mod commands;
mod error;
mod media;
mod startup;
mod state;
mod watcher;

use std::sync::Mutex;

use billet_core::lang::Lang;
use billet_core::recovery::RecoveryStore;
use billet_core::settings::Settings;
use tauri::{Emitter, Manager, WindowEvent};

use state::{AppState, Inner};

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let settings_path = app.path().app_config_dir()?.join("settings.json");
            let system_lang = Lang::from_env_values(
                ["LC_ALL", "LC_MESSAGES", "LANG"].map(|v| std::env::var(v).ok()),
            );
            let mut inner = Inner {
                settings: Settings::read_from(&settings_path),
                settings_path,
                system_lang,
                site: None,
                recovery: RecoveryStore::new(app.path().app_data_dir()?.join("recovery")),
                staged: None,
                next_stage_id: 0,
            };
            if let Some(root) = startup::site_to_open(app.handle(), &inner.settings) {
                if let Err(e) = commands::site::open(&mut inner, &root, app.handle()) {
                    eprintln!("billet: cannot open {}: {}", root.display(), e.message);
                }
            }
            app.manage(AppState {
                inner: Mutex::new(inner),
            });
            Ok(())
        })
        .register_uri_scheme_protocol(media::SCHEME, media::serve)
        .on_window_event(|window, event| {
            // The UI decides: it asks about unsaved changes, then calls `quit`.
            if let WindowEvent::CloseRequested { api, .. } = event {
                api.prevent_close();
                let _ = window.emit("close-requested", ());
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::set_language,
            commands::app::open_link,
            commands::app::quit,
            commands::site::open_site,
            commands::site::current_site,
            commands::site::list_posts,
            commands::site::media_url,
            commands::posts::load_post,
            commands::posts::check_fields,
            commands::posts::save_post,
            commands::posts::disk_text,
            commands::posts::plan_post,
            commands::posts::create_post,
            commands::preview::render_preview,
            commands::images::check_image_size,
            commands::images::stage_image,
            commands::images::pick_image,
            commands::images::preview_cover,
            commands::images::use_cover,
            commands::images::use_body_image,
            commands::images::discard_image,
            commands::images::remove_unused_images,
            commands::publish::ready_post,
            commands::publish::commit_post,
            commands::publish::export_post,
            commands::recovery::store_recovery,
            commands::recovery::list_recovered,
            commands::recovery::restore_recovered,
            commands::recovery::discard_recovered,
        ])
        .run(tauri::generate_context!())
        .expect("Billet's window could not start");
}
