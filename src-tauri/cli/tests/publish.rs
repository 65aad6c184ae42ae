//! `billet publish` against real remotes: a bare repository over file://,
//! one behind an SSH server started here on 127.0.0.1 with throwaway keys,
//! hooks that refuse and pass, commits signed with a throwaway GnuPG key,
//! a remote out of reach and credentials refused. Each test has its own
//! home, git configuration and keys; the machine's are kept out. Only
//! loopback is touched.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const POST: &str = "blog/bilan.md";
const TEXT: &str = "---\ntitle: Bilan\nauthor: Hélène\n---\n\nPremier paragraphe.\n";
const CONFIG: &str =
    "posts: blog\nfields:\n  - {name: title, widget: string}\n  - {name: author, widget: string}\n";

/// A home of its own (git configuration, GnuPG keys, SSH keys), a bare
/// remote made from a one-post site, and the author's clone of it.
struct World {
    dir: tempfile::TempDir,
}

impl World {
    fn new() -> World {
        let world = World {
            dir: tempfile::tempdir().unwrap(),
        };
        fs::create_dir_all(world.home()).unwrap();
        fs::write(
            world.gitconfig(),
            "[user]\n\tname = Hélène\n\temail = helene@example.org\n[init]\n\tdefaultBranch = main\n",
        )
        .unwrap();
        let seed = world.path("seed");
        write(&seed, "billet.yml", CONFIG);
        write(&seed, POST, TEXT);
        world.git(&seed, &["init", "-q"]);
        world.git(&seed, &["add", "."]);
        world.git(&seed, &["commit", "-q", "-m", "Start"]);
        world.git(
            world.dir.path(),
            &["clone", "-q", "--bare", "seed", "remote.git"],
        );
        world.git(
            world.dir.path(),
            &["clone", "-q", &world.file_url(), "author"],
        );
        world
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn home(&self) -> PathBuf {
        self.path("home")
    }

    fn gitconfig(&self) -> PathBuf {
        self.home().join(".gitconfig")
    }

    fn author(&self) -> PathBuf {
        self.path("author")
    }

    fn bare(&self) -> PathBuf {
        self.path("remote.git")
    }

    fn file_url(&self) -> String {
        format!("file://{}", self.bare().display())
    }

    /// Adds lines to the world's git configuration (the author's "global" one).
    fn configure(&self, lines: &str) {
        let mut text = fs::read_to_string(self.gitconfig()).unwrap();
        text.push_str(lines);
        fs::write(self.gitconfig(), text).unwrap();
    }

    fn command(&self, program: impl AsRef<std::ffi::OsStr>, dir: &Path) -> Command {
        let mut command = Command::new(program);
        command
            .current_dir(dir)
            .env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.home())
            .env("GIT_CONFIG_GLOBAL", self.gitconfig())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GNUPGHOME", self.home().join("gnupg"))
            .env_remove("GIT_SSH_COMMAND")
            .env_remove("SSH_AUTH_SOCK")
            .stdin(Stdio::null());
        command
    }

    fn git(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.command("git", dir).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn git_ok(&self, dir: &Path, args: &[&str]) -> bool {
        self.command("git", dir)
            .args(args)
            .output()
            .unwrap()
            .status
            .success()
    }

    fn publish(&self, args: &[&str]) -> Output {
        self.command(env!("CARGO_BIN_EXE_billet"), &self.author())
            .args(["--site", "."])
            .arg("publish")
            .arg(POST)
            .args(args)
            .env("LC_ALL", "C.UTF-8")
            .output()
            .expect("billet runs")
    }

    /// `billet status`: each post's badge.
    fn status(&self) -> String {
        let out = self
            .command(env!("CARGO_BIN_EXE_billet"), &self.author())
            .args(["--site", ".", "status"])
            .env("LC_ALL", "C.UTF-8")
            .output()
            .unwrap();
        stdout(&out)
    }

    /// The author changes the post's title.
    fn edit_title(&self, title: &str) {
        let path = self.author().join(POST);
        let text = fs::read_to_string(&path).unwrap();
        let old = text
            .lines()
            .find(|l| l.starts_with("title:"))
            .unwrap()
            .to_string();
        fs::write(&path, text.replace(&old, &format!("title: {title}"))).unwrap();
    }

    /// The post as the remote's branch has it.
    fn remote_post(&self, branch: &str) -> String {
        self.git(&self.bare(), &["show", &format!("{branch}:{POST}")])
    }

    fn head(&self) -> String {
        self.git(&self.author(), &["rev-parse", "HEAD"])
            .trim()
            .to_string()
    }
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// The steps every send starts with, as `billet publish` prints them.
const FIRST_STEPS: &[&str] = &[
    "Checking the post",
    "Recording in the history",
    "Getting the site's news",
];

/// The steps printed, one a line after `… `.
fn steps(o: &Output) -> Vec<String> {
    stderr(o)
        .lines()
        .map(|l| l.trim_start_matches("… ").to_string())
        .collect()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn publish_sends_the_post_over_file_and_says_where() {
    let world = World::new();
    world.edit_title("Notre bilan");
    let started = Instant::now();
    let out = world.publish(&["-m", "Blog : notre bilan"]);
    let took = started.elapsed();
    assert!(out.status.success(), "{}", stderr(&out));
    eprintln!("a send to a file:// remote took {took:?}");
    assert_eq!(steps(&out), [FIRST_STEPS, &["Sending"]].concat());
    assert!(stdout(&out).starts_with(&format!("sent to origin ({}) main\n", world.file_url())));
    assert!(world.remote_post("main").contains("title: Notre bilan"));
    assert_eq!(
        world
            .git(&world.bare(), &["log", "-1", "--format=%s|%an"])
            .trim(),
        "Blog : notre bilan|Hélène"
    );
    assert!(
        world.status().contains("sent       blog/bilan.md"),
        "{}",
        world.status()
    );
}

#[test]
fn review_mode_with_an_insteadof_address_gives_the_review_page() {
    let world = World::new();
    // The author's clone knows the remote by its host's address, which
    // git rewrites to the local one: insteadOf is honoured.
    world.git(
        &world.author(),
        &[
            "remote",
            "set-url",
            "origin",
            "git@github.com:acme/site.git",
        ],
    );
    world.configure(&format!(
        "[url \"{}\"]\n\tinsteadOf = git@github.com:acme/site.git\n",
        world.file_url()
    ));
    write(
        &world.author(),
        "billet.yml",
        &format!("{CONFIG}publish: {{review: true, branch: main}}\n"),
    );
    world.git(&world.author(), &["commit", "-q", "-am", "Relecture"]);
    world.git(&world.author(), &["push", "-q", "origin", "main"]);
    world.edit_title("Pour relecture");
    let out = world.publish(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out)
            .contains("sent for review to origin (git@github.com:acme/site.git) billet/bilan"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains(
        "ask for a review: https://github.com/acme/site/compare/main...billet/bilan?expand=1"
    ));
    assert!(world.remote_post("billet/bilan").contains("Pour relecture"));
    assert!(!world.remote_post("main").contains("Pour relecture"));
}

#[test]
fn a_pre_commit_hook_that_refuses_leaves_no_commit_and_one_that_passes_runs() {
    let world = World::new();
    let hook = world.author().join(".git/hooks/pre-commit");
    write(
        &world.author(),
        ".git/hooks/pre-commit",
        "#!/bin/sh\necho 'Le titre est trop long pour le site.' >&2\nexit 1\n",
    );
    make_executable(&hook);
    world.edit_title("Un titre");
    let before = world.head();
    let status_before = world.git(&world.author(), &["status", "--porcelain"]);
    let out = world.publish(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Le titre est trop long pour le site."),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("nothing was recorded"),
        "{}",
        stderr(&out)
    );
    assert_eq!(world.head(), before);
    assert_eq!(
        world.git(&world.author(), &["status", "--porcelain"]),
        status_before
    );

    write(
        &world.author(),
        ".git/hooks/pre-commit",
        "#!/bin/sh\n# Hooks run at the worktree's root.\ntouch hook-ran\n",
    );
    let out = world.publish(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(world.author().join("hook-ran").exists());
    assert!(world.remote_post("main").contains("title: Un titre"));
}

#[cfg(unix)]
fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn commits_are_signed_with_the_authors_gnupg_key() {
    let world = World::new();
    let gnupg = world.home().join("gnupg");
    fs::create_dir_all(&gnupg).unwrap();
    make_private(&gnupg);
    let made = world
        .command("gpg", &world.home())
        .args([
            "--batch",
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            "",
            "--quick-generate-key",
            "Hélène <helene@example.org>",
            "ed25519",
            "sign",
            "never",
        ])
        .output()
        .unwrap();
    assert!(made.status.success(), "gpg: {}", stderr(&made));
    world.configure("[commit]\n\tgpgsign = true\n[user]\n\tsigningkey = helene@example.org\n");
    world.edit_title("Signé");
    let out = world.publish(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let sent = world.git(&world.bare(), &["rev-parse", "main"]);
    let verified = world.git_ok(&world.bare(), &["verify-commit", sent.trim()]);
    // The agent gpg started for this home goes with it.
    let _ = world
        .command("gpgconf", &world.home())
        .args(["--kill", "gpg-agent"])
        .status();
    assert!(verified, "the commit sent is not signed");
}

#[test]
fn commits_are_signed_with_an_ssh_key_when_git_is_set_so() {
    let world = World::new();
    let key = world.home().join("signing");
    keygen(&world, &key);
    let public = fs::read_to_string(key.with_extension("pub")).unwrap();
    write(
        &world.home(),
        "allowed_signers",
        &format!("helene@example.org {public}"),
    );
    world.configure(&format!(
        "[commit]\n\tgpgsign = true\n[gpg]\n\tformat = ssh\n[gpg \"ssh\"]\n\tallowedSignersFile = {}\n[user]\n\tsigningkey = {}\n",
        world.home().join("allowed_signers").display(),
        key.display()
    ));
    world.edit_title("Signé par SSH");
    let out = world.publish(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(world.git_ok(&world.bare(), &["verify-commit", "main"]));
}

#[cfg(unix)]
fn make_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o700)).unwrap();
}

fn keygen(world: &World, key: &Path) {
    let made = world
        .command("ssh-keygen", &world.home())
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "billet-test", "-f"])
        .arg(key)
        .output()
        .unwrap();
    assert!(made.status.success(), "ssh-keygen: {}", stderr(&made));
}

/// An sshd on 127.0.0.1 for this test only, that lets in one key.
struct Sshd {
    child: Child,
    port: u16,
}

impl Sshd {
    fn start(world: &World, authorized: &Path) -> Sshd {
        let dir = world.path("sshd");
        fs::create_dir_all(&dir).unwrap();
        make_private(&dir);
        let host_key = dir.join("host_key");
        keygen(world, &host_key);
        fs::copy(
            authorized.with_extension("pub"),
            dir.join("authorized_keys"),
        )
        .unwrap();
        // sshd wants its privilege separation folder.
        fs::create_dir_all("/run/sshd").ok();
        let port = free_port();
        let user = std::env::var("USER").unwrap_or_else(|_| "root".into());
        let config = format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {}\nAuthorizedKeysFile {}\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\nAllowUsers {user}\nUsePAM no\nPidFile {}\nStrictModes no\nSetEnv GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null\n",
            host_key.display(),
            dir.join("authorized_keys").display(),
            dir.join("sshd.pid").display(),
        );
        fs::write(dir.join("sshd_config"), config).unwrap();
        let child = Command::new("/usr/sbin/sshd")
            .args(["-D", "-e", "-f"])
            .arg(dir.join("sshd_config"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(fs::File::create(dir.join("sshd.log")).unwrap())
            .spawn()
            .expect("sshd starts (openssh-server is installed by scripts/common.sh)");
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "sshd did not listen: {}",
                fs::read_to_string(dir.join("sshd.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Sshd { child, port }
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The author's ssh setup: a config file naming the key and where known
/// hosts are kept, given to git as the author would (core.sshCommand).
fn use_ssh_key(world: &World, key: &Path, port: u16) -> String {
    let config = world.home().join("ssh_config");
    fs::write(
        &config,
        format!(
            "Host billet-sshd\n\tHostName 127.0.0.1\n\tPort {port}\n\tUser {}\n\tIdentityFile {}\n\tIdentitiesOnly yes\n\tUserKnownHostsFile {}\n\tStrictHostKeyChecking accept-new\n",
            std::env::var("USER").unwrap_or_else(|_| "root".into()),
            key.display(),
            world.home().join("known_hosts").display()
        ),
    )
    .unwrap();
    world.configure(&format!(
        "[core]\n\tsshCommand = ssh -F {} -o BatchMode=yes\n",
        config.display()
    ));
    format!("billet-sshd:{}", world.bare().display())
}

#[test]
fn publish_over_ssh_on_loopback_and_a_refused_key() {
    let world = World::new();
    let allowed = world.home().join("allowed_key");
    keygen(&world, &allowed);
    let sshd = Sshd::start(&world, &allowed);
    let url = use_ssh_key(&world, &allowed, sshd.port);
    world.git(&world.author(), &["remote", "set-url", "origin", &url]);
    world.edit_title("Par SSH");
    let out = world.publish(&[]);
    assert!(
        out.status.success(),
        "{}\n{}",
        stderr(&out),
        fs::read_to_string(world.path("sshd/sshd.log")).unwrap_or_default()
    );
    assert!(world.remote_post("main").contains("title: Par SSH"));

    // Another key, which the server does not know: refused, at once, by name.
    let stranger = world.home().join("stranger_key");
    keygen(&world, &stranger);
    use_ssh_key(&world, &stranger, sshd.port);
    world.edit_title("Refusé");
    let started = Instant::now();
    let out = world.publish(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(started.elapsed() < Duration::from_secs(20));
    let said = stderr(&out);
    assert!(said.contains("origin refused your credentials"), "{said}");
    assert!(said.contains("Permission denied"), "{said}");
    // Nothing lost: the post is recorded, waiting to be sent.
    assert!(world
        .git(&world.author(), &["show", "HEAD:blog/bilan.md"])
        .contains("Refusé"));
    assert!(!world.remote_post("main").contains("Refusé"));
}

#[test]
fn a_remote_out_of_reach_keeps_the_commit_waiting_and_sending_again_works() {
    let world = World::new();
    // A port nobody listens on, on loopback.
    let closed = free_port();
    world.git(
        &world.author(),
        &[
            "remote",
            "set-url",
            "origin",
            &format!("ssh://git@127.0.0.1:{closed}/site.git"),
        ],
    );
    world.edit_title("Hors ligne");
    let out = world.publish(&[]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(said.contains("origin cannot be reached"), "{said}");
    assert!(said.contains("waiting to be sent"), "{said}");
    assert!(world
        .git(&world.author(), &["show", "HEAD:blog/bilan.md"])
        .contains("Hors ligne"));
    assert_eq!(world.git(&world.author(), &["status", "--porcelain"]), "");
    assert!(
        world.status().contains("waiting to be sent blog/bilan.md"),
        "{}",
        world.status()
    );

    // Back online: sending again sends what was recorded.
    world.git(
        &world.author(),
        &["remote", "set-url", "origin", &world.file_url()],
    );
    let out = world.publish(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(world.remote_post("main").contains("title: Hors ligne"));
}

#[test]
fn a_colleagues_change_to_the_same_post_is_described_and_can_be_given_up() {
    let world = World::new();
    world.git(
        world.dir.path(),
        &["clone", "-q", &world.file_url(), "colleague"],
    );
    let colleague = world.path("colleague");
    write(
        &colleague,
        POST,
        &TEXT.replace("title: Bilan", "title: Bilan de l'année"),
    );
    world.git(&colleague, &["commit", "-q", "-am", "Colleague"]);
    world.git(&colleague, &["push", "-q"]);
    world.edit_title("Notre bilan");
    let out = world.publish(&[]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(
        said.contains("Someone else also changed blog/bilan.md"),
        "{said}"
    );
    assert!(
        said.contains("title: theirs Bilan de l'année | yours Notre bilan"),
        "{said}"
    );
    let recorded = world.git(&world.author(), &["rev-parse", "main"]);
    let out = world.publish(&["--abandon"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(world.git(&world.author(), &["rev-parse", "HEAD"]), recorded);
    assert_eq!(world.git(&world.author(), &["status", "--porcelain"]), "");
}

#[test]
fn the_remote_moving_between_fetch_and_push_is_brought_in_and_sent_again() {
    let world = World::new();
    world.git(
        world.dir.path(),
        &["clone", "-q", &world.file_url(), "colleague"],
    );
    write(
        &world.path("colleague"),
        "blog/autre.md",
        "---\ntitle: Autre\nauthor: Léa\n---\n\nTexte.\n",
    );
    // The remote's receiving end, as the author's clone reaches it: the
    // first time, just before it answers, the colleague sends a post.
    let script = world.path("receive-pack");
    fs::write(
        &script,
        format!(
            "#!/bin/sh\nif [ ! -e '{mark}' ]; then\n  touch '{mark}'\n  unset $(git rev-parse --local-env-vars)\n  git -C '{colleague}' add . && git -C '{colleague}' commit -q -m Autre && git -C '{colleague}' push -q origin main || exit 1\nfi\nexec git-receive-pack \"$@\"\n",
            mark = world.path("moved").display(),
            colleague = world.path("colleague").display(),
        ),
    )
    .unwrap();
    make_executable(&script);
    world.git(
        &world.author(),
        &[
            "config",
            "remote.origin.receivepack",
            &script.display().to_string(),
        ],
    );
    world.edit_title("Au bon moment");
    let out = world.publish(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(world.path("moved").exists(), "the colleague did not send");
    let again = [
        "Sending",
        "The site changed meanwhile: trying again",
        "Adding your post to the site's news",
        "Sending",
    ];
    assert_eq!(steps(&out), [FIRST_STEPS, &again].concat());
    assert!(world.remote_post("main").contains("title: Au bon moment"));
    assert!(world
        .git(&world.bare(), &["show", "main:blog/autre.md"])
        .contains("Autre"));
}

#[test]
fn without_a_git_program_publishing_says_so() {
    let world = World::new();
    world.edit_title("Sans git");
    let out = world
        .command(env!("CARGO_BIN_EXE_billet"), &world.author())
        .args(["--site", ".", "publish", POST])
        .env("BILLET_GIT", world.path("no-such-git"))
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Billet needs the git program, which is not installed"),
        "{}",
        stderr(&out)
    );
}
