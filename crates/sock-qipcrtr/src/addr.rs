//! [`QipcrtrAddr`]: `struct sockaddr_qrtr`, CPython's `(node, port)`.

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::{invalid_input, SockAddr, Socket, ToSockAddr};

use crate::consts::AF_QIPCRTR;

/// Size of `struct sockaddr_qrtr`: family (2) + padding (2) + node (4) + port (4).
const SOCKADDR_QRTR_LEN: usize = 12;

/// A QIPCRTR address: a node (a processor) and a port on it.
///
/// Text form: `node:port`, both decimal (`"1:1024".parse()`).
///
/// ```
/// use sock_qipcrtr::QipcrtrAddr;
/// let addr: QipcrtrAddr = "1:1024".parse()?;
/// assert_eq!(addr, QipcrtrAddr::new(1, 1024));
/// assert_eq!(addr.to_string(), "1:1024");
/// assert_eq!(QipcrtrAddr::from_sock_addr(&addr.to_raw())?, addr);
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
    pub const fn new(node: u32, port: u32) -> Self {
        QipcrtrAddr { node, port }
    }

    /// Encodes this address as a `struct sockaddr_qrtr`.
    pub fn to_raw(&self) -> SockAddr {
        let mut data = [0u8; SOCKADDR_QRTR_LEN - 2];
        data[2..6].copy_from_slice(&self.node.to_ne_bytes());
        data[6..10].copy_from_slice(&self.port.to_ne_bytes());
        SockAddr::new(AF_QIPCRTR as u16, &data).expect("sockaddr_qrtr fits in sockaddr_storage")
    }

    /// Decodes a `struct sockaddr_qrtr`. Fails with `InvalidInput` if the family is not
    /// `AF_QIPCRTR` or the address is shorter than the struct.
    pub fn from_sock_addr(addr: &SockAddr) -> io::Result<Self> {
        if i32::from(addr.family()) != AF_QIPCRTR {
            return Err(invalid_input("address", "not an AF_QIPCRTR address"));
        }
        let b = addr.as_bytes();
        if b.len() < SOCKADDR_QRTR_LEN {
            return Err(invalid_input("address", "shorter than struct sockaddr_qrtr"));
        }
        let node = u32::from_ne_bytes([b[4], b[5], b[6], b[7]]);
        let port = u32::from_ne_bytes([b[8], b[9], b[10], b[11]]);
        Ok(QipcrtrAddr { node, port })
    }
}

impl From<QipcrtrAddr> for SockAddr {
    fn from(addr: QipcrtrAddr) -> SockAddr {
        addr.to_raw()
    }
}

impl TryFrom<&SockAddr> for QipcrtrAddr {
    type Error = io::Error;

    fn try_from(addr: &SockAddr) -> io::Result<Self> {
        QipcrtrAddr::from_sock_addr(addr)
    }
}

impl ToSockAddr for QipcrtrAddr {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        Ok(self.to_raw())
    }
}

impl fmt::Display for QipcrtrAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.node, self.port)
    }
}

impl FromStr for QipcrtrAddr {
    type Err = io::Error;

    /// Parses `node:port` (decimal, each `0..=4294967295`).
    fn from_str(s: &str) -> io::Result<Self> {
        let (node, port) = s.split_once(':').ok_or_else(|| invalid_input("address", "expected `node:port`"))?;
        let node = node.parse().map_err(|_| invalid_input("node", "expected a decimal u32"))?;
        let port = port.parse().map_err(|_| invalid_input("port", "expected a decimal u32"))?;
        Ok(QipcrtrAddr { node, port })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn layout_matches_the_kernel() {
        let raw = QipcrtrAddr::new(0x0102_0304, 7).to_raw();
        assert_eq!(raw.len(), 12);
        assert_eq!(raw.family(), 42);
        assert_eq!(&raw.as_bytes()[4..8], &0x0102_0304u32.to_ne_bytes());
    }

    #[test]
    fn bad_input_is_invalid_input() {
        for s in ["", "1", "1:", ":2", "1:2:3", "-1:2", "1:4294967296", " 1:2"] {
            assert_eq!(s.parse::<QipcrtrAddr>().unwrap_err().kind(), io::ErrorKind::InvalidInput, "{s:?}");
        }
        let short = SockAddr::new(42, &[0; 6]).unwrap();
        assert_eq!(QipcrtrAddr::from_sock_addr(&short).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        let other = SockAddr::new(1, &[0; 10]).unwrap();
        assert!(QipcrtrAddr::from_sock_addr(&other).is_err());
    }

    proptest! {
        #[test]
        fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..=128)) {
            if let Ok(raw) = SockAddr::from_bytes(&bytes) {
                let _ = QipcrtrAddr::from_sock_addr(&raw);
            }
            let mut forced = bytes.clone();
            if forced.len() >= 2 {
                forced[..2].copy_from_slice(&42u16.to_ne_bytes());
                let _ = QipcrtrAddr::from_sock_addr(&SockAddr::from_bytes(&forced).unwrap());
            }
        }

        #[test]
        fn round_trips(node in any::<u32>(), port in any::<u32>()) {
            let addr = QipcrtrAddr::new(node, port);
            prop_assert_eq!(QipcrtrAddr::from_sock_addr(&addr.to_raw()).unwrap(), addr);
            prop_assert_eq!(addr.to_string().parse::<QipcrtrAddr>().unwrap(), addr);
        }

        #[test]
        fn any_text_parses_without_panic(s in ".{0,40}") {
            let _ = s.parse::<QipcrtrAddr>();
        }
    }
}
