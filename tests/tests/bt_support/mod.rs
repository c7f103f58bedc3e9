//! Shared setup of the Bluetooth integration tests (`bt.rs`, `async_bt.rs`): virtual
//! controllers from `/dev/vhci` played by the test ([`Vhci`]) or emulated by BlueZ's
//! `btvirt` ([`Btvirt`]). Each probe prints `SOCK-SKIP:` on a host without them and fails
//! under `SOCK_REQUIRE_ALL=1` (the VM).

#![allow(dead_code)]

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::os::fd::AsFd;
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use nix::poll::{PollFd, PollFlags, PollTimeout};
use sock_bt::*;
use sock_core::{Family, Socket, Type};

/// A virtual controller: the test plays the controller's part through `/dev/vhci`.
pub struct Vhci {
    pub dev: File,
    pub index: u16,
}

impl Vhci {
    /// Creates a BR/EDR + LE ("primary") controller; `None` after `require` when vhci is absent.
    pub fn create() -> Option<Vhci> {
        let dev = OpenOptions::new().read(true).write(true).open("/dev/vhci");
        if !sock_tests::require("/dev/vhci (modprobe hci_vhci) and root", dev.as_ref().map(|_| ())) {
            return None;
        }
        let mut dev = dev.ok()?;
        dev.write_all(&[HCI_VENDOR_PKT, 0x00]).unwrap();
        let mut vhci = Vhci { dev, index: 0 };
        let answer = vhci.read_packet(Duration::from_secs(5)).expect("vhci answers the create request");
        assert_eq!(&answer[..2], &[HCI_VENDOR_PKT, 0x00], "{answer:02x?}");
        vhci.index = u16::from_le_bytes([answer[2], answer[3]]);
        Some(vhci)
    }

    /// The next packet the kernel sends to the controller, or `None` after `timeout`.
    pub fn read_packet(&mut self, timeout: Duration) -> Option<Vec<u8>> {
        let mut fds = [PollFd::new(self.dev.as_fd(), PollFlags::POLLIN)];
        let ms = PollTimeout::try_from(timeout.as_millis() as i32).unwrap();
        if nix::poll::poll(&mut fds, ms).unwrap() == 0 {
            return None;
        }
        let mut buf = vec![0u8; 1024];
        let n = self.dev.read(&mut buf).unwrap();
        buf.truncate(n);
        Some(buf)
    }

    /// Waits for the HCI command `opcode` from the kernel (skipping others).
    pub fn expect_command(&mut self, opcode: u16, within: Duration) {
        let deadline = Instant::now() + within;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.read_packet(left) {
                Some(p) if p.len() >= 3 && p[0] == HCI_COMMAND_PKT && u16::from_le_bytes([p[1], p[2]]) == opcode => {
                    return
                }
                Some(_) => continue,
                None => break,
            }
        }
        panic!("the kernel never sent HCI command {opcode:#06x}");
    }

    /// Sends a packet to the kernel as the controller.
    pub fn inject(&mut self, packet: &[u8]) {
        self.dev.write_all(packet).unwrap();
    }
}

pub fn bt_socket(ty: Type, proto: sock_core::Protocol, what: &str) -> Option<Socket> {
    let probe = Socket::new(Family::BLUETOOTH, ty, Some(proto));
    if !sock_tests::require(what, probe.as_ref().map(|_| ())) {
        return None;
    }
    probe.ok()
}

pub const HCI_RESET: u16 = 0x0c03;
/// Command Complete for HCI_Reset, status 0: what a controller answers.
pub const RESET_COMPLETE: [u8; 7] = [HCI_EVENT_PKT, 0x0e, 0x04, 0x01, 0x03, 0x0c, 0x00];

/// Controllers emulated by BlueZ's `btvirt` (package bluez-test-tools): unlike a bare vhci
/// device they answer every HCI command, so they finish setup and can connect to each other.
///
/// One emulator runs at a time (tests may run in parallel threads): its controllers are found
/// as the new controllers that get an address, which bare vhci controllers never do.
pub struct Btvirt {
    child: Child,
    pub devs: Vec<u16>,
    _one_at_a_time: MutexGuard<'static, ()>,
}

static BTVIRT: Mutex<()> = Mutex::new(());

impl Btvirt {
    pub fn start(count: usize) -> Option<Btvirt> {
        if !sock_tests::require("btvirt (bluez-test-tools) as emulated controllers", sock_tests::have_program("btvirt"))
        {
            return None;
        }
        let probe = OpenOptions::new().read(true).write(true).open("/dev/vhci");
        if !sock_tests::require("/dev/vhci (modprobe hci_vhci) and root", probe.map(|_| ())) {
            return None;
        }
        let ctl = bt_socket(Type::RAW, protocol::HCI, "BTPROTO_HCI sockets")?;
        let guard = BTVIRT.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // Under a loaded emulated kernel a controller's HCI init can time out (the kernel logs
        // "Opcode 0x1003 failed: -110" and gives that controller up for good): then a fresh
        // btvirt gets one more chance before the test fails.
        for attempt in 1..=2 {
            let before = ctl.hci_dev_list().unwrap();
            // Success hands the child to `Btvirt`, whose Drop kills and waits; a failed attempt
            // kills and waits below; only a panic (the test failing anyway) skips the wait.
            #[allow(clippy::zombie_processes)]
            let mut child = Command::new("btvirt")
                .arg(format!("-l{count}"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn btvirt");
            let deadline = Instant::now() + Duration::from_secs(25);
            loop {
                // Set up once the kernel has read the controller's address.
                let ready: Vec<u16> = ctl
                    .hci_dev_list()
                    .unwrap()
                    .into_iter()
                    .filter(|d| !before.contains(d))
                    .filter(|&d| ctl.hci_dev_info(d).is_ok_and(|i| i.bdaddr != BdAddr::ANY))
                    .collect();
                if ready.len() == count {
                    return Some(Btvirt { child, devs: ready, _one_at_a_time: guard });
                }
                if Instant::now() >= deadline {
                    let _ = child.kill();
                    let _ = child.wait();
                    assert!(attempt < 2, "btvirt controllers never came up (twice): {ready:?} ready");
                    eprintln!("btvirt: only {ready:?} of {count} controllers came up; starting it again");
                    // Wait for the kernel to drop the old controllers before counting again.
                    let gone = Instant::now() + Duration::from_secs(10);
                    while ctl.hci_dev_list().unwrap().len() > before.len() && Instant::now() < gone {
                        std::thread::sleep(Duration::from_millis(50));
                    }
                    break;
                }
                // A bounded retry on the condition above (the kernel offers no event for "the
                // controller's address is known" short of a monitor socket); the pause only
                // paces it.
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        None
    }
}

impl Drop for Btvirt {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
