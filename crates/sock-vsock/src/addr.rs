//! [`VsockAddr`]: a `struct sockaddr_vm`, CPython's `(cid, port)`.

use std::io;

use sock_core::{invalid_input, Family, FamilyAddr, SockAddr};

/// Bytes of `sockaddr_vm` after `svm_family`: reserved (2), port (4), cid (4), flags (1),
/// zero (3).
const DATA_LEN: usize = 14;
const PORT: usize = 2;
const CID: usize = 6;
const FLAGS: usize = 10;

/// An `AF_VSOCK` address: a context id (`cid`) and a port, CPython's `(cid, port)`.
///
/// Text form: `cid:port`, each a `u32` in decimal or `0x` hex (printed in decimal), e.g.
/// `2:1234` (`4294967295` is `VMADDR_CID_ANY` / `VMADDR_PORT_ANY`). No sign, no space.
///
/// ```
/// use sock::FamilyAddr;
/// use sock::vsock::{VsockAddr, VMADDR_CID_HOST};
/// let addr: VsockAddr = "2:1234".parse()?;
/// assert_eq!(addr, VsockAddr::new(VMADDR_CID_HOST, 1234));
/// assert_eq!(addr.to_string(), "2:1234");
/// assert_eq!("0x2:0x4d2".parse::<VsockAddr>()?, addr);
/// let raw = addr.encode()?;
/// assert_eq!(VsockAddr::decode(&raw)?, addr);
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
    ///
    /// ```
    /// use sock::vsock::{VsockAddr, VMADDR_CID_ANY, VMADDR_PORT_ANY};
    /// let any = VsockAddr::new(VMADDR_CID_ANY, VMADDR_PORT_ANY); // bind: any CID, kernel-picked port
    /// assert_eq!((any.cid, any.port), (u32::MAX, u32::MAX));
    /// assert_eq!(VsockAddr::new(3, 5000).to_string(), "3:5000");
    /// ```
    pub const fn new(cid: u32, port: u32) -> VsockAddr {
        VsockAddr { cid, port }
    }

    /// Encodes this address with `svm_flags` set to `flags` (e.g. `VMADDR_FLAG_TO_HOST`,
    /// which routes to the host from a nested VM). The one extra encoder of this type:
    /// [`FamilyAddr::encode`] writes `svm_flags = 0`, as CPython does, and the flags are
    /// not part of the address value (decoding ignores them).
    ///
    /// ```
    /// use sock::FamilyAddr;
    /// use sock::vsock::{VsockAddr, VMADDR_FLAG_TO_HOST};
    /// let addr = VsockAddr::new(2, 1234);
    /// let raw = addr.encode_with_flags(VMADDR_FLAG_TO_HOST);
    /// assert_eq!(raw.data()[10], VMADDR_FLAG_TO_HOST); // svm_flags, after reserved, port and cid
    /// assert_eq!(VsockAddr::decode(&raw)?, addr);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn encode_with_flags(&self, flags: u8) -> SockAddr {
        let mut data = [0u8; DATA_LEN];
        data[PORT..PORT + 4].copy_from_slice(&self.port.to_ne_bytes());
        data[CID..CID + 4].copy_from_slice(&self.cid.to_ne_bytes());
        data[FLAGS] = flags;
        // 2 + 14 bytes always fit sockaddr_storage: the fallback is never taken.
        SockAddr::new(libc::AF_VSOCK as u16, &data).unwrap_or_else(|_| SockAddr::empty())
    }
}

impl FamilyAddr for VsockAddr {
    const FAMILY: Family = Family::VSOCK;
    const TEXT_FORM: &'static str = "cid:port";

    /// Decodes a `struct sockaddr_vm` (`svm_flags` ignored). Another family, or an address
    /// too short to hold the cid, is `InvalidInput`.
    fn decode(addr: &SockAddr) -> io::Result<VsockAddr> {
        let data = Self::expect_family(addr)?;
        let field = |at: usize| data.get(at..at + 4).and_then(|b| b.try_into().ok()).map(u32::from_ne_bytes);
        match (field(CID), field(PORT)) {
            (Some(cid), Some(port)) => Ok(VsockAddr { cid, port }),
            _ => Err(invalid_input("address", "too short for struct sockaddr_vm")),
        }
    }

    /// Never fails: see `From<VsockAddr> for SockAddr`.
    fn encode(&self) -> io::Result<SockAddr> {
        Ok(self.encode_with_flags(0))
    }
}

sock_core::family_addr!(VsockAddr);

impl From<VsockAddr> for SockAddr {
    /// The `struct sockaddr_vm` with `svm_flags = 0`.
    fn from(addr: VsockAddr) -> SockAddr {
        addr.encode_with_flags(0)
    }
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
        assert_eq!(VsockAddr::new(1, 2).encode_with_flags(1).as_bytes()[12], 1);
    }

    #[test]
    fn other_families_and_short_addresses_are_rejected() {
        let inet = SockAddr::from("127.0.0.1:1".parse::<std::net::SocketAddr>().unwrap());
        let e = VsockAddr::decode(&inet).unwrap_err();
        assert_eq!(
            (e.kind(), e.to_string()),
            (io::ErrorKind::InvalidInput, "address: AF_INET is not an AF_VSOCK address".into())
        );
        let short = SockAddr::new(libc::AF_VSOCK as u16, &[0; 7]).unwrap();
        let e = VsockAddr::decode(&short).unwrap_err();
        assert_eq!(
            (e.kind(), e.to_string()),
            (io::ErrorKind::InvalidInput, "address: too short for struct sockaddr_vm".into())
        );
        assert_eq!(VsockAddr::try_from(&short).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        // Just long enough for the cid: decodes.
        let ten = SockAddr::new(libc::AF_VSOCK as u16, &[0; 10]).unwrap();
        assert_eq!(VsockAddr::decode(&ten).unwrap(), VsockAddr::new(0, 0));
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
            prop_assert_eq!(VsockAddr::decode(&SockAddr::from(addr)).unwrap(), addr);
            prop_assert_eq!(VsockAddr::decode(&addr.encode_with_flags(1)).unwrap(), addr);
            prop_assert_eq!(addr.to_string().parse::<VsockAddr>().unwrap(), addr);
        }
    }
}
