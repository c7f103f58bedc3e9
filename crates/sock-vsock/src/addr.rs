//! [`VsockAddr`]: a `struct sockaddr_vm`, CPython's `(cid, port)`.

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::{invalid_input, SockAddr, Socket, ToSockAddr};

/// Bytes of `sockaddr_vm` after `svm_family`: reserved (2), port (4), cid (4), flags (1),
/// zero (3).
const DATA_LEN: usize = 14;
const PORT: usize = 2;
const CID: usize = 6;
const FLAGS: usize = 10;

/// An `AF_VSOCK` address: a context id (`cid`) and a port, CPython's `(cid, port)`.
///
/// Text form: `cid:port` in decimal, e.g. `2:1234` (`4294967295` is `VMADDR_CID_ANY` /
/// `VMADDR_PORT_ANY`).
///
/// ```
/// use sock_vsock::{VsockAddr, VMADDR_CID_HOST};
/// let addr: VsockAddr = "2:1234".parse()?;
/// assert_eq!(addr, VsockAddr::new(VMADDR_CID_HOST, 1234));
/// assert_eq!(addr.to_string(), "2:1234");
/// let raw = sock_core::SockAddr::from(addr);
/// assert_eq!(VsockAddr::try_from(&raw)?, addr);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VsockAddr {
    /// The context id: `VMADDR_CID_ANY`, `VMADDR_CID_LOCAL`, `VMADDR_CID_HOST` or a guest's CID.
    pub cid: u32,
    /// The port (`VMADDR_PORT_ANY` to let the kernel pick one when binding).
    pub port: u32,
}

impl VsockAddr {
    /// The address `(cid, port)`.
    pub const fn new(cid: u32, port: u32) -> VsockAddr {
        VsockAddr { cid, port }
    }

    /// Encodes this address with `svm_flags` set to `flags` (e.g. `VMADDR_FLAG_TO_HOST`).
    pub fn to_sock_addr_with_flags(&self, flags: u8) -> SockAddr {
        let mut data = [0u8; DATA_LEN];
        data[PORT..PORT + 4].copy_from_slice(&self.port.to_ne_bytes());
        data[CID..CID + 4].copy_from_slice(&self.cid.to_ne_bytes());
        data[FLAGS] = flags;
        SockAddr::new(libc::AF_VSOCK as u16, &data).expect("sockaddr_vm fits in sockaddr_storage")
    }

    /// Decodes an `AF_VSOCK` address, or `None` if `addr` is of another family or too short to
    /// hold the cid.
    pub fn decode(addr: &SockAddr) -> Option<VsockAddr> {
        if i32::from(addr.family()) != libc::AF_VSOCK {
            return None;
        }
        let data = addr.data();
        let port = data.get(PORT..PORT + 4)?;
        let cid = data.get(CID..CID + 4)?;
        Some(VsockAddr {
            port: u32::from_ne_bytes(port.try_into().ok()?),
            cid: u32::from_ne_bytes(cid.try_into().ok()?),
        })
    }
}

impl From<VsockAddr> for SockAddr {
    fn from(addr: VsockAddr) -> SockAddr {
        addr.to_sock_addr_with_flags(0)
    }
}

impl TryFrom<&SockAddr> for VsockAddr {
    type Error = io::Error;

    /// Fails with `InvalidInput` unless `addr` is a complete `AF_VSOCK` address.
    fn try_from(addr: &SockAddr) -> io::Result<VsockAddr> {
        VsockAddr::decode(addr).ok_or_else(|| invalid_input("address", "not an AF_VSOCK address"))
    }
}

impl From<(u32, u32)> for VsockAddr {
    fn from((cid, port): (u32, u32)) -> VsockAddr {
        VsockAddr { cid, port }
    }
}

impl From<VsockAddr> for (u32, u32) {
    fn from(addr: VsockAddr) -> (u32, u32) {
        (addr.cid, addr.port)
    }
}

impl ToSockAddr for VsockAddr {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        Ok(SockAddr::from(*self))
    }
}

impl fmt::Display for VsockAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.cid, self.port)
    }
}

impl FromStr for VsockAddr {
    type Err = io::Error;

    /// Parses `cid:port` (two decimal `u32`s).
    fn from_str(s: &str) -> io::Result<VsockAddr> {
        let (cid, port) = s.split_once(':').ok_or_else(|| invalid_input("address", "expected `cid:port`"))?;
        let cid = parse_u32(cid).ok_or_else(|| invalid_input("cid", "expected a decimal number below 2^32"))?;
        let port = parse_u32(port).ok_or_else(|| invalid_input("port", "expected a decimal number below 2^32"))?;
        Ok(VsockAddr { cid, port })
    }
}

/// A decimal `u32` made of ASCII digits only (no sign, no spaces).
fn parse_u32(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn layout_is_sockaddr_vm() {
        let raw = SockAddr::from(VsockAddr::new(3, 0x0102_0304));
        assert_eq!(raw.len(), std::mem::size_of::<libc::sockaddr_vm>());
        assert_eq!(raw.family(), libc::AF_VSOCK as u16);
        assert_eq!(&raw.as_bytes()[4..8], &0x0102_0304u32.to_ne_bytes());
        assert_eq!(&raw.as_bytes()[8..12], &3u32.to_ne_bytes());
        assert_eq!(VsockAddr::new(1, 2).to_sock_addr_with_flags(1).as_bytes()[12], 1);
    }

    #[test]
    fn text_form() {
        assert_eq!("4294967295:0".parse::<VsockAddr>().unwrap(), VsockAddr::new(u32::MAX, 0));
        for bad in ["", "1", "1:", ":1", "1:2:3", "-1:2", "+1:2", " 1:2", "1:4294967296", "a:1"] {
            let err = bad.parse::<VsockAddr>().unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{bad:?}");
        }
    }

    #[test]
    fn other_families_and_short_addresses_are_rejected() {
        let inet = SockAddr::from("127.0.0.1:1".parse::<std::net::SocketAddr>().unwrap());
        assert_eq!(VsockAddr::decode(&inet), None);
        let short = SockAddr::new(libc::AF_VSOCK as u16, &[0; 7]).unwrap();
        assert_eq!(VsockAddr::decode(&short), None);
        assert_eq!(VsockAddr::try_from(&short).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    proptest! {
        #[test]
        fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..=40)) {
            let mut raw = bytes.clone();
            if raw.len() >= 2 {
                raw[..2].copy_from_slice(&(libc::AF_VSOCK as u16).to_ne_bytes());
            }
            let _ = VsockAddr::decode(&SockAddr::from_bytes(&raw).unwrap());
            let _ = VsockAddr::decode(&SockAddr::from_bytes(&bytes).unwrap());
            let _ = String::from_utf8_lossy(&bytes).parse::<VsockAddr>();
        }

        #[test]
        fn round_trips(cid in any::<u32>(), port in any::<u32>()) {
            let addr = VsockAddr::new(cid, port);
            prop_assert_eq!(VsockAddr::decode(&SockAddr::from(addr)), Some(addr));
            prop_assert_eq!(addr.to_string().parse::<VsockAddr>().unwrap(), addr);
        }
    }
}
