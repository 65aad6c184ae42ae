use super::*;
use std::process::Command;

fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with(".billet-"))
        .collect()
}

#[test]
fn saves_over_what_was_loaded_and_keeps_the_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("post.md");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
    let (_, loaded) = load(&path).unwrap();
    let after = save(&path, b"new", Some(&loaded)).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"new");
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(after.size, 3);
    assert!(temp_files(dir.path()).is_empty());
    // The new fingerprint is good for the next save.
    save(&path, b"newer", Some(&after)).unwrap();
}

#[test]
fn new_files_are_created_but_never_over_another() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.md");
    save(&path, b"hello", None).unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o644
    );
    assert!(matches!(
        save(&path, b"again", None),
        Err(SaveError::AlreadyExists(_))
    ));
    assert_eq!(fs::read(&path).unwrap(), b"hello");
}

#[test]
fn changed_or_deleted_on_disk_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("post.md");
    fs::write(&path, "mine").unwrap();
    let (_, loaded) = load(&path).unwrap();
    fs::write(&path, "theirs").unwrap();
    let err = save(&path, b"my edit", Some(&loaded)).unwrap_err();
    assert!(matches!(err, SaveError::ChangedOnDisk(_)));
    assert_eq!(err.code(), "save.changed_on_disk");
    assert_eq!(fs::read(&path).unwrap(), b"theirs");
    // Same size, other bytes: still a change.
    fs::write(&path, "mine").unwrap();
    let (_, loaded) = load(&path).unwrap();
    fs::write(&path, "MINE").unwrap();
    assert!(matches!(
        save(&path, b"x", Some(&loaded)),
        Err(SaveError::ChangedOnDisk(_))
    ));
    fs::remove_file(&path).unwrap();
    assert!(matches!(
        save(&path, b"x", Some(&loaded)),
        Err(SaveError::DeletedOnDisk(_))
    ));
}

#[test]
fn touched_but_unchanged_is_not_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("post.md");
    fs::write(&path, "same").unwrap();
    let (_, loaded) = load(&path).unwrap();
    let later = SystemTime::now() + std::time::Duration::from_secs(60);
    File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    save(&path, b"edited", Some(&loaded)).unwrap();
}

/// A small tmpfs, so that a full disk and a read-only folder are real. This
/// needs root (as CI has); elsewhere the two tests below say they cannot run.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Some(Tmpfs { dir });
        }
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must be able to mount a tmpfs (it runs as root)"
        );
        eprintln!("\n*** NOT RUN: mounting a tmpfs needs root; run the tests as root to check full-disk and read-only saves ***\n");
        None
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount_read_only(&self) {
        let status = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

#[test]
fn full_disk_leaves_the_original_and_no_temp_file() {
    let Some(fs_) = Tmpfs::mount("256k") else {
        return;
    };
    let path = fs_.path().join("post.md");
    fs::write(&path, "original").unwrap();
    let (_, loaded) = load(&path).unwrap();
    // Fill the disk.
    let mut filler = File::create(fs_.path().join("filler")).unwrap();
    while filler.write_all(&[0u8; 4096]).is_ok() {}
    let err = save(&path, &vec![b'x'; 64 * 1024], Some(&loaded)).unwrap_err();
    assert!(matches!(err, SaveError::DiskFull(_)), "{err:?}");
    assert!(err.message(Lang::Fr).contains("disque est plein"));
    assert_eq!(fs::read(&path).unwrap(), b"original");
    assert!(
        temp_files(fs_.path()).is_empty(),
        "{:?}",
        temp_files(fs_.path())
    );
}

#[test]
fn read_only_folder_leaves_the_original() {
    let Some(fs_) = Tmpfs::mount("256k") else {
        return;
    };
    let path = fs_.path().join("post.md");
    fs::write(&path, "original").unwrap();
    let (_, loaded) = load(&path).unwrap();
    fs_.remount_read_only();
    let err = save(&path, b"edited", Some(&loaded)).unwrap_err();
    assert!(matches!(err, SaveError::ReadOnly(_)), "{err:?}");
    assert!(err.message(Lang::En).contains("read-only"));
    assert_eq!(fs::read(&path).unwrap(), b"original");
    assert!(temp_files(fs_.path()).is_empty());
}
