//! Running QEMU: the machine, the accelerator choice, the hard timeout, live output.

use crate::cmd::{self, Result};
use crate::guest::{EXIT_MARK, HOST_TAG, PROBE_MARK};
use crate::host;
use crate::results::{strip_ansi, VmEnd};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How QEMU executes guest code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accel {
    /// Hardware virtualisation (`-accel kvm -cpu host`).
    Kvm,
    /// Software emulation (`-accel tcg -cpu max`), slow but works everywhere.
    Tcg,
}

impl std::fmt::Display for Accel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Accel::Kvm => "KVM",
            Accel::Tcg => "TCG (software emulation)",
        })
    }
}

/// One guest boot.
pub struct Machine<'a> {
    /// The bzImage.
    pub kernel: &'a Path,
    /// The initramfs image.
    pub initramfs: &'a Path,
    /// The accelerator.
    pub accel: Accel,
    /// Where the second serial port (the results channel) is written.
    pub results: &'a Path,
}

impl Machine<'_> {
    /// The QEMU command line. `interactive` puts the console on the terminal with the monitor
    /// (Ctrl-A X quits); otherwise the console goes to QEMU's stdout.
    pub fn command(&self, interactive: bool) -> Command {
        let mut c = Command::new("qemu-system-x86_64");
        match self.accel {
            Accel::Kvm => c.args(["-accel", "kvm", "-cpu", "host"]),
            Accel::Tcg => c.args(["-accel", "tcg", "-cpu", "max"]),
        };
        c.args(["-m", "2G", "-smp", "2", "-nographic", "-no-reboot", "-nic", "none"]);
        c.arg("-kernel").arg(self.kernel).arg("-initrd").arg(self.initramfs);
        let quiet = if interactive { "" } else { " quiet" };
        c.args(["-append", &format!("console=ttyS0 panic=-1{quiet}")]);
        c.args(["-serial", "mon:stdio"]);
        c.arg("-serial").arg(format!("file:{}", self.results.display()));
        c.args(["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]);
        c.args([
            "-fsdev",
            &format!("local,id={HOST_TAG},path=/,security_model=none,readonly=on,multidevs=remap"),
            "-device",
            &format!("virtio-9p-pci,fsdev={HOST_TAG},mount_tag={HOST_TAG}"),
            "-device",
            "virtio-rng-pci",
        ]);
        c
    }
}

/// What a non-interactive boot produced.
pub struct Outcome {
    /// How QEMU ended.
    pub end: VmEnd,
    /// The whole console output.
    pub console: String,
}

/// Boots `m` with the console captured (and echoed by `echo_console`), the results channel
/// echoed as it grows, and QEMU killed after `timeout`.
pub fn run(m: &Machine, timeout: Duration, echo_console: bool, echo_results: bool) -> Result<Outcome> {
    let _ = std::fs::remove_file(m.results);
    let mut cmd = m.command(false);
    if echo_console {
        println!("$ {}", cmd::show(&cmd));
    }
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start qemu-system-x86_64: {e}"))?;
    let (tx, rx) = mpsc::channel::<String>();
    for stream in [
        child.stdout.take().map(|s| Box::new(s) as Box<dyn Read + Send>),
        child.stderr.take().map(|s| Box::new(s) as _),
    ]
    .into_iter()
    .flatten()
    {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).split(b'\n').map_while(|l| l.ok()) {
                let line = strip_ansi(String::from_utf8_lossy(&line).trim_end_matches('\r'));
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
    }
    drop(tx);
    let start = Instant::now();
    let mut console = String::new();
    let mut tail = Tail::new(m.results.to_path_buf());
    let end = loop {
        match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(line) => {
                if echo_console {
                    println!("{line}");
                }
                console.push_str(&line);
                console.push('\n');
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => std::thread::sleep(Duration::from_millis(50)),
        }
        if echo_results {
            for line in tail.new_lines() {
                println!("  {line}");
            }
        }
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            while let Ok(line) = rx.recv_timeout(Duration::from_millis(100)) {
                if echo_console {
                    println!("{line}");
                }
                console.push_str(&line);
                console.push('\n');
            }
            if echo_results {
                for line in tail.rest() {
                    println!("  {line}");
                }
            }
            let reported = status.code() == Some((i32::from(EXIT_MARK) << 1) | 1);
            if !reported && echo_console {
                println!("xtask: QEMU exited with {status}");
            }
            break if reported { VmEnd::Reported } else { VmEnd::NoReport };
        }
        if start.elapsed() > timeout {
            println!("xtask: hard timeout after {}s, killing QEMU", timeout.as_secs());
            let _ = child.kill();
            let _ = child.wait();
            break VmEnd::TimedOut;
        }
    };
    Ok(Outcome { end, console })
}

/// Boots `m` interactively on this terminal.
pub fn run_interactive(m: &Machine) -> Result<()> {
    let mut cmd = m.command(true);
    println!("$ {}\n(Ctrl-A X quits QEMU)", cmd::show(&cmd));
    let status = cmd.status().map_err(|e| format!("cannot start qemu-system-x86_64: {e}"))?;
    println!("xtask: QEMU exited with {status}");
    Ok(())
}

/// Picks the accelerator: KVM only when `/dev/kvm` is usable, is not the PVM flavour (which
/// boots no stock kernel), and a probe boot with it reaches the guest's init.
pub fn choose_accel(probe: impl FnOnce() -> Result<Outcome>) -> Accel {
    if !host::kvm_writable() {
        println!("xtask: /dev/kvm is not usable: software emulation (TCG)");
        return Accel::Tcg;
    }
    if host::kvm_is_pvm() {
        println!("xtask: /dev/kvm is kvm_pvm, which cannot boot stock kernels: software emulation (TCG)");
        return Accel::Tcg;
    }
    println!("xtask: probing KVM with a test boot");
    match probe() {
        Ok(o) if o.console.contains(PROBE_MARK) => {
            println!("xtask: KVM works");
            Accel::Kvm
        }
        Ok(_) => {
            println!("xtask: the KVM probe boot did not reach init: software emulation (TCG)");
            Accel::Tcg
        }
        Err(e) => {
            println!("xtask: the KVM probe failed ({e}): software emulation (TCG)");
            Accel::Tcg
        }
    }
}

/// Follows a file that another process appends to, yielding complete lines.
struct Tail {
    path: PathBuf,
    offset: u64,
    partial: Vec<u8>,
}

impl Tail {
    fn new(path: PathBuf) -> Tail {
        Tail { path, offset: 0, partial: Vec::new() }
    }

    fn read_more(&mut self) {
        use std::io::{Seek, SeekFrom};
        let Ok(mut f) = std::fs::File::open(&self.path) else { return };
        if f.seek(SeekFrom::Start(self.offset)).is_ok() {
            let mut buf = Vec::new();
            if let Ok(n) = f.read_to_end(&mut buf) {
                self.offset += n as u64;
                self.partial.extend_from_slice(&buf);
            }
        }
    }

    fn new_lines(&mut self) -> Vec<String> {
        self.read_more();
        let Some(last_nl) = self.partial.iter().rposition(|&b| b == b'\n') else { return Vec::new() };
        let complete: Vec<u8> = self.partial.drain(..=last_nl).collect();
        String::from_utf8_lossy(&complete).lines().map(|l| l.trim_end_matches('\r').to_string()).collect()
    }

    fn rest(&mut self) -> Vec<String> {
        let mut lines = self.new_lines();
        if !self.partial.is_empty() {
            lines.push(String::from_utf8_lossy(&std::mem::take(&mut self.partial)).trim_end_matches('\r').to_string());
        }
        lines
    }
}
