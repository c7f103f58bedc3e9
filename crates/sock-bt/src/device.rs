//! Controller management through the legacy HCI ioctls of a `BTPROTO_HCI` socket
//! ([`HciDeviceExt`]): list controllers, read their info, bring them up or down, set the scan
//! mode — what `hciconfig` does, and what CPython leaves to `fcntl.ioctl`.

use std::io;
use std::os::fd::{AsRawFd, RawFd};

use sock_core::{invalid_input, Socket};

use crate::BdAddr;

/// `_IOW('H', 201, int)`: power a controller on.
pub const HCIDEVUP: u32 = 0x4004_48c9;
/// `_IOW('H', 202, int)`: power a controller off.
pub const HCIDEVDOWN: u32 = 0x4004_48ca;
/// `_IOR('H', 210, int)`: list controllers.
pub const HCIGETDEVLIST: u32 = 0x8004_48d2;
/// `_IOR('H', 211, int)`: a controller's `struct hci_dev_info`.
pub const HCIGETDEVINFO: u32 = 0x8004_48d3;
/// `_IOW('H', 221, int)`: set inquiry/page scan.
pub const HCISETSCAN: u32 = 0x4004_48dd;
/// [`HciDeviceExt::hci_set_scan`]: not discoverable, not connectable.
pub const SCAN_DISABLED: u32 = 0x00;
/// [`HciDeviceExt::hci_set_scan`]: discoverable (inquiry scan).
pub const SCAN_INQUIRY: u32 = 0x01;
/// [`HciDeviceExt::hci_set_scan`]: connectable (page scan).
pub const SCAN_PAGE: u32 = 0x02;
/// Bit of [`HciDevInfo::flags`]: the controller is up.
pub const HCI_UP: u32 = 1 << 0;

/// The most controllers [`HciDeviceExt::hci_dev_list`] reports (BlueZ's `HCI_MAX_DEV`).
const MAX_DEV: usize = 16;
/// `sizeof(struct hci_dev_info)` on Linux.
const DEV_INFO_LEN: usize = 92;

/// Part of `struct hci_dev_info`: what identifies a controller and its state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HciDevInfo {
    /// The controller index (`hci0` is 0).
    pub dev_id: u16,
    /// The name, `hci0` ...
    pub name: String,
    /// The controller's own address (`00:00:00:00:00:00` until it has been up once).
    pub bdaddr: BdAddr,
    /// `HCI_UP` and the other `HCI_*` state bits.
    pub flags: u32,
    /// Bus (low nibble) and controller type (bits 4-5).
    pub dev_type: u8,
    /// The ACL MTU.
    pub acl_mtu: u16,
    /// The SCO MTU.
    pub sco_mtu: u16,
}

impl HciDevInfo {
    /// Whether the controller is up.
    pub fn is_up(&self) -> bool {
        self.flags & HCI_UP != 0
    }
}

/// The legacy controller ioctls, on any `BTPROTO_HCI` socket (bound or not).
pub trait HciDeviceExt {
    /// `HCIGETDEVLIST`: the indexes of the registered controllers.
    fn hci_dev_list(&self) -> io::Result<Vec<u16>>;
    /// `HCIGETDEVINFO`: the state of controller `dev`.
    fn hci_dev_info(&self, dev: u16) -> io::Result<HciDevInfo>;
    /// `HCIDEVUP`: powers controller `dev` on (`Ok` if it already is). Needs `CAP_NET_ADMIN`.
    fn hci_dev_up(&self, dev: u16) -> io::Result<()>;
    /// `HCIDEVDOWN`: powers controller `dev` off. Needs `CAP_NET_ADMIN`.
    fn hci_dev_down(&self, dev: u16) -> io::Result<()>;
    /// `HCISETSCAN`: `SCAN_DISABLED`, or `SCAN_INQUIRY` and/or `SCAN_PAGE`. Needs `CAP_NET_ADMIN`.
    fn hci_set_scan(&self, dev: u16, scan: u32) -> io::Result<()>;
}

impl HciDeviceExt for Socket {
    fn hci_dev_list(&self) -> io::Result<Vec<u16>> {
        // struct hci_dev_list_req { u16 dev_num; struct hci_dev_req dev_req[]; }, the array at
        // offset 4, each entry { u16 dev_id; u32 dev_opt; } of 8 bytes.
        let mut buf = [0u8; 4 + 8 * MAX_DEV];
        buf[..2].copy_from_slice(&(MAX_DEV as u16).to_ne_bytes());
        ioctl_buf(self.as_raw_fd(), HCIGETDEVLIST, &mut buf)?;
        let n = usize::from(u16::from_ne_bytes([buf[0], buf[1]])).min(MAX_DEV);
        Ok((0..n).map(|i| u16::from_ne_bytes([buf[4 + 8 * i], buf[5 + 8 * i]])).collect())
    }

    fn hci_dev_info(&self, dev: u16) -> io::Result<HciDevInfo> {
        let mut b = [0u8; DEV_INFO_LEN];
        b[..2].copy_from_slice(&dev.to_ne_bytes());
        ioctl_buf(self.as_raw_fd(), HCIGETDEVINFO, &mut b)?;
        let name = &b[2..10];
        let name_len = name.iter().position(|&c| c == 0).unwrap_or(name.len());
        let mut bd = [0u8; 6];
        bd.copy_from_slice(&b[10..16]);
        Ok(HciDevInfo {
            dev_id: u16::from_ne_bytes([b[0], b[1]]),
            name: String::from_utf8_lossy(&name[..name_len]).into_owned(),
            bdaddr: BdAddr::from_kernel_bytes(bd),
            flags: u32::from_ne_bytes([b[16], b[17], b[18], b[19]]),
            dev_type: b[20],
            acl_mtu: u16::from_ne_bytes([b[44], b[45]]),
            sco_mtu: u16::from_ne_bytes([b[48], b[49]]),
        })
    }

    fn hci_dev_up(&self, dev: u16) -> io::Result<()> {
        match ioctl_value(self.as_raw_fd(), HCIDEVUP, libc::c_ulong::from(dev)) {
            Err(e) if e.raw_os_error() == Some(libc::EALREADY) => Ok(()),
            other => other,
        }
    }

    fn hci_dev_down(&self, dev: u16) -> io::Result<()> {
        ioctl_value(self.as_raw_fd(), HCIDEVDOWN, libc::c_ulong::from(dev))
    }

    fn hci_set_scan(&self, dev: u16, scan: u32) -> io::Result<()> {
        if scan > SCAN_INQUIRY | SCAN_PAGE {
            return Err(invalid_input("scan", "expected SCAN_DISABLED, SCAN_INQUIRY and/or SCAN_PAGE"));
        }
        // struct hci_dev_req { u16 dev_id; u32 dev_opt; }: 8 bytes, dev_opt at offset 4.
        let mut req = [0u8; 8];
        req[..2].copy_from_slice(&dev.to_ne_bytes());
        req[4..].copy_from_slice(&scan.to_ne_bytes());
        ioctl_buf(self.as_raw_fd(), HCISETSCAN, &mut req)
    }
}

/// An ioctl whose argument is a plain integer.
fn ioctl_value(fd: RawFd, request: u32, arg: libc::c_ulong) -> io::Result<()> {
    // SAFETY: the requests passed here (HCIDEVUP, HCIDEVDOWN) take the controller index as an
    // integer argument and touch no user memory; `fd` is a socket the caller borrows.
    sock_core::cvt(unsafe { libc::ioctl(fd, request as _, arg) })?;
    Ok(())
}

/// An ioctl that reads and writes the struct in `buf`. Callers size `buf` to the whole struct
/// of `request` (HCIGETDEVLIST: 4 + 8 × dev_num as set in the buffer; HCIGETDEVINFO: 92;
/// HCISETSCAN: 8).
fn ioctl_buf(fd: RawFd, request: u32, buf: &mut [u8]) -> io::Result<()> {
    // SAFETY: `buf` is writable for its whole length, which each caller sets to the size of the
    // struct the kernel reads/writes for `request`; `fd` is a socket the caller borrows.
    sock_core::cvt(unsafe { libc::ioctl(fd, request as _, buf.as_mut_ptr()) })?;
    Ok(())
}
