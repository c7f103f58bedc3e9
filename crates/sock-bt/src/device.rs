//! Controller management through the legacy HCI ioctls of a `BTPROTO_HCI` socket
//! ([`HciDeviceExt`]): list controllers, read their info, bring them up or down, set the scan
//! mode — what `hciconfig` does, and what CPython leaves to `fcntl.ioctl`.

use std::io;
use std::os::fd::{AsRawFd, BorrowedFd};

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
/// `struct hci_dev_list_req` with room for [`MAX_DEV`] entries: `u16 dev_num`, padding, then
/// `dev_num` entries `{ u16 dev_id; u32 dev_opt; }` of 8 bytes each.
const DEV_LIST_LEN: usize = 4 + 8 * MAX_DEV;
/// `sizeof(struct hci_dev_req)`: `{ u16 dev_id; u32 dev_opt; }`, `dev_opt` at offset 4.
const DEV_REQ_LEN: usize = 8;

/// Part of `struct hci_dev_info`: what identifies a controller and its state.
///
/// ```no_run
/// use sock::bt::{protocol, HciDeviceExt};
/// use sock::{Family, Socket, Type};
/// let s = Socket::new(Family::BLUETOOTH, Type::RAW, Some(protocol::HCI))?;
/// for dev in s.hci_dev_list()? {
///     let info = s.hci_dev_info(dev)?;
///     println!("{} {} {}", info.name, info.bdaddr, if info.is_up() { "UP" } else { "DOWN" });
/// }
/// # Ok::<(), std::io::Error>(())
/// ```
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
    ///
    /// ```no_run
    /// use sock::bt::{protocol, HciDeviceExt};
    /// let s = sock::Socket::new(sock::Family::BLUETOOTH, sock::Type::RAW, Some(protocol::HCI))?;
    /// s.hci_dev_up(0)?; // needs CAP_NET_ADMIN
    /// assert!(s.hci_dev_info(0)?.is_up());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_up(&self) -> bool {
        self.flags & HCI_UP != 0
    }
}

/// The legacy controller ioctls, on any `BTPROTO_HCI` socket (bound or not); sealed
/// (implemented for `Socket` only).
///
/// ```no_run
/// use sock::bt::device::{SCAN_INQUIRY, SCAN_PAGE};
/// use sock::bt::{protocol, HciDeviceExt};
/// let s = sock::Socket::new(sock::Family::BLUETOOTH, sock::Type::RAW, Some(protocol::HCI))?;
/// let first = *s.hci_dev_list()?.first().expect("a controller");
/// s.hci_dev_up(first)?;
/// s.hci_set_scan(first, SCAN_INQUIRY | SCAN_PAGE)?; // discoverable and connectable
/// assert_eq!(s.hci_dev_info(first)?.dev_id, first);
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait HciDeviceExt: crate::ext::sealed::Sealed {
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
        let buf = get_dev_list(self.as_fd())?;
        let n = usize::from(u16::from_ne_bytes([buf[0], buf[1]])).min(MAX_DEV);
        Ok(buf[4..].chunks_exact(DEV_REQ_LEN).take(n).map(|e| u16::from_ne_bytes([e[0], e[1]])).collect())
    }

    fn hci_dev_info(&self, dev: u16) -> io::Result<HciDevInfo> {
        let b = get_dev_info(self.as_fd(), dev)?;
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
        match ioctl_dev(self.as_fd(), DevIoctl::Up, dev) {
            Err(e) if e.raw_os_error() == Some(libc::EALREADY) => Ok(()),
            other => other,
        }
    }

    fn hci_dev_down(&self, dev: u16) -> io::Result<()> {
        ioctl_dev(self.as_fd(), DevIoctl::Down, dev)
    }

    fn hci_set_scan(&self, dev: u16, scan: u32) -> io::Result<()> {
        if scan > SCAN_INQUIRY | SCAN_PAGE {
            return Err(invalid_input("scan", "expected SCAN_DISABLED, SCAN_INQUIRY and/or SCAN_PAGE"));
        }
        set_scan(self.as_fd(), dev, scan)
    }
}

// The ioctl wrappers below each own the request number and the buffer of one request, so no
// caller can pair a request with a buffer of the wrong size: they are safe to call with any
// arguments. `fd` is borrowed for the call, so it stays open during it.

/// The HCI ioctls whose argument is the controller index as a plain integer.
#[derive(Clone, Copy)]
enum DevIoctl {
    /// `HCIDEVUP`.
    Up,
    /// `HCIDEVDOWN`.
    Down,
}

/// `HCIDEVUP`/`HCIDEVDOWN` on controller `dev`.
fn ioctl_dev(fd: BorrowedFd<'_>, which: DevIoctl, dev: u16) -> io::Result<()> {
    let request = match which {
        DevIoctl::Up => HCIDEVUP,
        DevIoctl::Down => HCIDEVDOWN,
    };
    // SAFETY: HCIDEVUP and HCIDEVDOWN take the controller index as an integer argument and
    // touch no user memory; `fd` is open for the whole call (borrowed).
    sock_core::cvt(unsafe { libc::ioctl(fd.as_raw_fd(), request as _, libc::c_ulong::from(dev)) })?;
    Ok(())
}

/// `HCIGETDEVLIST` for up to [`MAX_DEV`] controllers: the whole `struct hci_dev_list_req`.
fn get_dev_list(fd: BorrowedFd<'_>) -> io::Result<[u8; DEV_LIST_LEN]> {
    let mut buf = [0u8; DEV_LIST_LEN];
    let max = u16::try_from(MAX_DEV).unwrap_or(u16::MAX); // 16
    buf[..2].copy_from_slice(&max.to_ne_bytes());
    // The kernel reads `dev_num` (MAX_DEV, set just above) and writes back the 4-byte head and
    // at most `dev_num` 8-byte entries: 4 + 8 * MAX_DEV = DEV_LIST_LEN bytes at most.
    // SAFETY: so every byte it touches is inside `buf`, ours and writable; `fd` is open.
    sock_core::cvt(unsafe { libc::ioctl(fd.as_raw_fd(), HCIGETDEVLIST as _, buf.as_mut_ptr()) })?;
    Ok(buf)
}

/// `HCIGETDEVINFO` for controller `dev`: the whole `struct hci_dev_info`.
fn get_dev_info(fd: BorrowedFd<'_>, dev: u16) -> io::Result<[u8; DEV_INFO_LEN]> {
    let mut buf = [0u8; DEV_INFO_LEN];
    buf[..2].copy_from_slice(&dev.to_ne_bytes());
    // SAFETY: the kernel reads and writes exactly sizeof(struct hci_dev_info) = DEV_INFO_LEN
    // bytes at the pointer, all inside `buf` (ours, writable); `fd` is open for the call.
    sock_core::cvt(unsafe { libc::ioctl(fd.as_raw_fd(), HCIGETDEVINFO as _, buf.as_mut_ptr()) })?;
    Ok(buf)
}

/// `HCISETSCAN`: `struct hci_dev_req { dev_id = dev, dev_opt = scan }`.
fn set_scan(fd: BorrowedFd<'_>, dev: u16, scan: u32) -> io::Result<()> {
    let mut req = [0u8; DEV_REQ_LEN];
    req[..2].copy_from_slice(&dev.to_ne_bytes());
    req[4..].copy_from_slice(&scan.to_ne_bytes());
    // SAFETY: the kernel reads exactly sizeof(struct hci_dev_req) = DEV_REQ_LEN bytes at the
    // pointer, all inside `req`, which is ours; `fd` is open for the whole call.
    sock_core::cvt(unsafe { libc::ioctl(fd.as_raw_fd(), HCISETSCAN as _, req.as_mut_ptr()) })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sock_core::{Family, Type};

    /// The ioctl wrappers own their buffers; on a socket that is not `BTPROTO_HCI` the kernel
    /// refuses the requests (`ENOTTY`) and nothing is read or written out of bounds.
    #[test]
    fn hci_ioctls_on_a_non_hci_socket_are_enotty() {
        let s = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
        for e in [
            s.hci_dev_list().unwrap_err(),
            s.hci_dev_info(0).unwrap_err(),
            s.hci_dev_up(0).unwrap_err(),
            s.hci_dev_down(0).unwrap_err(),
            s.hci_set_scan(0, SCAN_PAGE).unwrap_err(),
        ] {
            assert_eq!(e.raw_os_error(), Some(libc::ENOTTY), "{e}");
        }
        assert_eq!(s.hci_set_scan(0, 4).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(DEV_LIST_LEN, 4 + MAX_DEV * DEV_REQ_LEN);
    }
}
