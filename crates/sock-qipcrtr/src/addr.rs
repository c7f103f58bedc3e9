//! [`QipcrtrAddr`]: `struct sockaddr_qrtr`, CPython's `(node, port)`.

use std::io;

use sock_core::{invalid_input, Family, FamilyAddr, SockAddr};

use crate::consts::AF_QIPCRTR;

/// Size of `struct sockaddr_qrtr`: family (2) + padding (2) + node (4) + port (4).
const SOCKADDR_QRTR_LEN: usize = 12;
/// Offsets after `sq_family`: `sq_node`, `sq_port`.
const NODE: usize = 2;
const PORT: usize = 6;

/// A QIPCRTR address: a node (a processor) and a port on it.
///
/// Text form: `node:port`, each a `u32` in decimal or `0x` hex, printed in decimal
/// (`"1:1024".parse()`); no sign, no space.
///
/// ```
/// use sock::FamilyAddr;
/// use sock::qipcrtr::QipcrtrAddr;
/// let addr: QipcrtrAddr = "1:1024".parse()?;
/// assert_eq!(addr, QipcrtrAddr::new(1, 1024));
/// assert_eq!(addr.to_string(), "1:1024");
/// assert_eq!(QipcrtrAddr::decode(&addr.encode()?)?, addr);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QipcrtrAddr {
    /// `sq_node`: the node (processor) number.
    pub node: u32,
    /// `sq_port`: the port on that node; 0 in `bind` lets the kernel choose.
    pub port: u32,
}

impl QipcrtrAddr {
    /// The address `node:port`.
    ///
    /// ```
    /// use sock::qipcrtr::QipcrtrAddr;
    /// let a = QipcrtrAddr::new(1, 0); // port 0 in bind: the kernel picks one
    /// assert_eq!((a.node, a.port), (1, 0));
    /// assert_eq!(sock::SockAddr::from(a).len(), 12); // struct sockaddr_qrtr
    /// ```
    pub const fn new(node: u32, port: u32) -> Self {
        QipcrtrAddr { node, port }
    }
}

impl FamilyAddr for QipcrtrAddr {
    const FAMILY: Family = Family(AF_QIPCRTR);
    const TEXT_FORM: &'static str = "node:port";

    /// Decodes a `struct sockaddr_qrtr`. Another family, or an address shorter than the
    /// struct, is `InvalidInput`.
    fn decode(addr: &SockAddr) -> io::Result<Self> {
        let data = Self::expect_family(addr)?;
        let field = |at: usize| data.get(at..at + 4).and_then(|b| b.try_into().ok()).map(u32::from_ne_bytes);
        match (field(NODE), field(PORT)) {
            (Some(node), Some(port)) => Ok(QipcrtrAddr { node, port }),
            _ => Err(invalid_input("address", "shorter than struct sockaddr_qrtr")),
        }
    }

    /// Never fails: see `From<QipcrtrAddr> for SockAddr`.
    fn encode(&self) -> io::Result<SockAddr> {
        Ok(SockAddr::from(*self))
    }
}

sock_core::family_addr!(QipcrtrAddr);

impl From<QipcrtrAddr> for SockAddr {
    /// The `struct sockaddr_qrtr`.
    fn from(addr: QipcrtrAddr) -> SockAddr {
        let mut data = [0u8; SOCKADDR_QRTR_LEN - 2];
        data[NODE..NODE + 4].copy_from_slice(&addr.node.to_ne_bytes());
        data[PORT..PORT + 4].copy_from_slice(&addr.port.to_ne_bytes());
        // 12 bytes always fit sockaddr_storage: the fallback is never taken.
        SockAddr::new(AF_QIPCRTR as u16, &data).unwrap_or_else(|_| SockAddr::empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn layout_matches_the_kernel() {
        let raw = SockAddr::from(QipcrtrAddr::new(0x0102_0304, 7));
        assert_eq!(raw.len(), 12);
        assert_eq!(raw.family(), 42);
        assert_eq!(&raw.as_bytes()[4..8], &0x0102_0304u32.to_ne_bytes());
    }

    #[test]
    fn bad_input_is_invalid_input() {
        let short = SockAddr::new(42, &[0; 6]).unwrap();
        assert_eq!(QipcrtrAddr::decode(&short).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        let other = SockAddr::new(1, &[0; 10]).unwrap();
        let e = QipcrtrAddr::decode(&other).unwrap_err();
        assert_eq!(
            (e.kind(), e.to_string()),
            (io::ErrorKind::InvalidInput, "address: AF_UNIX is not an AF_QIPCRTR address".into())
        );
    }

    proptest! {
        #[test]
        fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..=128)) {
            if let Ok(raw) = SockAddr::from_bytes(&bytes) {
                let _ = QipcrtrAddr::decode(&raw);
            }
            let mut forced = bytes.clone();
            if forced.len() >= 2 {
                forced[..2].copy_from_slice(&42u16.to_ne_bytes());
                let _ = QipcrtrAddr::decode(&SockAddr::from_bytes(&forced).unwrap());
            }
        }

        #[test]
        fn round_trips(node in any::<u32>(), port in any::<u32>()) {
            let addr = QipcrtrAddr::new(node, port);
            prop_assert_eq!(QipcrtrAddr::decode(&SockAddr::from(addr)).unwrap(), addr);
        }

    }
}
