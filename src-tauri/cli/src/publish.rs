//! `billet publish`: the post sent to the site, each step printed as it
//! starts. A conflict in the post is described, to be settled in the app.

use billet_core::git::send::PostConflict;
use billet_core::git::{Identity, SendOutcome, Sent};
use billet_core::lang::Lang;
use billet_core::workspace::Workspace;

use crate::Failure;

pub fn publish(
    ws: &Workspace,
    rel: &str,
    message: Option<&str>,
    author: Option<&Identity>,
    lang: Lang,
) -> Result<u8, Failure> {
    let now = chrono::Local::now().fixed_offset();
    let mut progress = |step: billet_core::git::Step| eprintln!("… {}", step.label(lang));
    let outcome = ws
        .send(rel, message, author, now, &mut progress)
        .map_err(|e| Failure::from(&e, lang))?;
    match outcome {
        SendOutcome::Sent(sent) => {
            print_sent(&sent, lang);
            Ok(0)
        }
        SendOutcome::Conflict(conflict) => {
            print_conflict(&conflict, lang);
            Ok(1)
        }
    }
}

pub fn abandon(ws: &Workspace, rel: &str, lang: Lang) -> Result<u8, Failure> {
    ws.abandon_send(rel).map_err(|e| Failure::from(&e, lang))?;
    println!(
        "{}",
        lang.pick(
            "Envoi abandonné : l'article reste enregistré, en attente d'envoi.",
            "Sending given up: the post stays recorded, waiting to be sent."
        )
    );
    Ok(0)
}

fn print_sent(sent: &Sent, lang: Lang) {
    let words = match sent.review {
        true => lang.pick("envoyé pour relecture sur", "sent for review to"),
        false => lang.pick("envoyé sur", "sent to"),
    };
    println!("{words} {} ({}) {}", sent.remote, sent.url, sent.branch);
    println!("{}", sent.commit);
    if let Some(link) = &sent.review_link {
        println!(
            "{}: {link}",
            lang.pick("demander la relecture", "ask for a review")
        );
    }
}

/// What differs, for whoever settles it in the app.
fn print_conflict(conflict: &PostConflict, lang: Lang) {
    eprintln!(
        "{}",
        lang.pick(
            format!("Quelqu'un a aussi modifié {} sur le site. Ouvrez-le dans Billet pour choisir, champ par champ, ce qui reste ; ou abandonnez l'envoi avec billet publish --abandon.", conflict.path),
            format!("Someone else also changed {} on the site. Open it in Billet to choose, field by field, what stays; or give up sending with billet publish --abandon.", conflict.path),
        )
    );
    for field in &conflict.fields {
        let side = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
        eprintln!(
            "  {}: {} {} | {} {}",
            field.key,
            lang.pick("le leur", "theirs"),
            side(&field.theirs),
            lang.pick("le vôtre", "yours"),
            side(&field.yours)
        );
    }
    let paragraphs = conflict.body.iter().filter(|p| p.differs).count();
    if paragraphs > 0 {
        eprintln!(
            "  {} {paragraphs}",
            lang.pick("paragraphes différents :", "paragraphs that differ:")
        );
    }
}
