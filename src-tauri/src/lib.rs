//! Billet's desktop shell: a thin Tauri layer over billet-core. It opens the
//! window, holds the open site, answers the UI's commands, and serves the
//! site's images to the webview.

mod commands;
mod error;
mod media;
mod startup;
mod state;
mod watcher;

use std::sync::Arc;

use billet_core::lang::Lang;
use billet_core::settings::SettingsFile;
use billet_core::workspace::Workspace;
use tauri::{Emitter, Manager, WindowEvent};

use state::AppState;

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let system_lang = Lang::from_env_values(
                ["LC_ALL", "LC_MESSAGES", "LANG"].map(|v| std::env::var(v).ok()),
            );
            let settings = SettingsFile::open(app.path().app_config_dir()?.join("settings.json"));
            let recovery = app.path().app_data_dir()?.join("recovery");
            let state = AppState::new(settings, system_lang, recovery, media::media_url);
            if let Some(root) = startup::site_to_open(app.handle(), &state.settings.get()) {
                match Workspace::open(&root, state.setup()) {
                    Ok(workspace) => {
                        watcher::show(app.handle(), &state, Arc::new(workspace));
                    }
                    Err(e) => eprintln!("billet: cannot open {}: {e}", root.display()),
                }
            }
            app.manage(state);
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
            commands::posts::load_post,
            commands::posts::check_fields,
            commands::posts::save_post,
            commands::posts::disk_text,
            commands::posts::plan_post,
            commands::posts::create_post,
            commands::preview::render_preview,
            commands::preview::media_url,
            commands::pictures::check_image_size,
            commands::pictures::stage_image,
            commands::pictures::pick_image,
            commands::pictures::preview_cover,
            commands::pictures::use_cover,
            commands::pictures::use_body_image,
            commands::pictures::discard_image,
            commands::publish::ready_post,
            commands::publish::commit_post,
            commands::publish::export_post,
            commands::send::send_post,
            commands::send::settle_post,
            commands::send::waiting_conflict,
            commands::send::abandon_send,
            commands::recovery::store_recovery,
            commands::recovery::list_recovered,
            commands::recovery::restore_recovered,
            commands::recovery::discard_edits,
        ])
        .run(tauri::generate_context!())
        .expect("Billet's window could not start");
}
