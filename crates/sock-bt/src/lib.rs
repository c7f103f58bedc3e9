//! AF_BLUETOOTH: L2CAP, RFCOMM, HCI and SCO addresses, the HCI filter, and the Bluetooth
//! constants.
//!
//! What CPython's `socket` module offers for `AF_BLUETOOTH`, typed:
//!
//! | Python | Rust |
//! | --- | --- |
//! | `"01:23:45:67:89:AB"`, `BDADDR_ANY`, `BDADDR_LOCAL` | [`BdAddr`], [`BdAddr::ANY`], [`BdAddr::LOCAL`] (the strings too) |
//! | L2CAP `(bdaddr, psm[, cid[, bdaddr_type]])` | [`L2capAddr`] |
//! | RFCOMM `(bdaddr, channel)` | [`RfcommAddr`] |
//! | HCI `dev` / `(dev, channel)` | [`HciAddr`] |
//! | SCO `bdaddr` | [`ScoAddr`] |
//! | `makesockaddr` for Bluetooth | [`BtAddr::decode`]`(addr, protocol)` |
//! | `BTPROTO_*`, `SOL_*`, `HCI_*`, `BDADDR_*`, `BT_*`, `L2CAP_LM*` | [`consts`] (re-exported here); typed protocols in [`protocol`] |
//! | `s.setsockopt(SOL_HCI, HCI_FILTER, bytes)` | [`HciSocketExt::set_hci_filter`] with a typed [`HciFilter`] |
//! | `HCI_DATA_DIR`, `HCI_TIME_STAMP` and their ancillary data | [`HciSocketExt`], [`HciAncillary`] |
//! | `s.setsockopt(SOL_BLUETOOTH, BT_SECURITY, …)` and the other `BT_*`, `L2CAP_LM`, `RFCOMM_LM` options | [`opts`] (typed, e.g. [`BtSecurity`]) |
//! | `fcntl.ioctl(s, HCIGETDEVINFO, …)`, `HCIDEVUP`, `HCISETSCAN` … | [`HciDeviceExt`] ([`device`]) |
//!
//! ```no_run
//! use sock_core::{Family, Socket, Type};
//! use sock_bt::{protocol, L2capAddr, BdAddr, BDADDR_LE_PUBLIC};
//!
//! let s = Socket::new(Family::BLUETOOTH, Type::SEQPACKET, Some(protocol::L2CAP))?;
//! s.bind(L2capAddr::new(BdAddr::ANY, 0).with_cid(4).with_addr_type(BDADDR_LE_PUBLIC))?;
//! println!("bound to {}", L2capAddr::try_from(&s.local_addr()?)?);
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Decisions: every address type has its own text form (`Display`/`FromStr`, documented on the
//! type), and [`BtAddr`] prefixes it with the protocol name. Bad text gives `InvalidInput`
//! naming the part at fault (`bdaddr: bad bluetooth address` as in CPython). Unlike CPython
//! this crate accepts only one or two hex digits per `bdaddr` group (no `0x`, signs or spaces,
//! which C's `sscanf("%X")` lets through).

mod addr;
mod bdaddr;
mod codec;
pub mod consts;
pub mod device;
mod filter;
mod hci;
mod l2cap;
pub mod opts;
mod rfcomm;
mod sco;

pub use addr::BtAddr;
pub use bdaddr::BdAddr;
pub use consts::*;
pub use device::{HciDevInfo, HciDeviceExt};
pub use filter::{HciAncillary, HciFilter, HciSocketExt};
pub use hci::HciAddr;
pub use l2cap::L2capAddr;
pub use opts::BtSecurity;
pub use rfcomm::RfcommAddr;
pub use sco::ScoAddr;

/// The Bluetooth protocols as typed [`sock_core::Protocol`] values, for `Socket::new`.
pub mod protocol {
    use sock_core::Protocol;

    use crate::consts::*;

    /// `BTPROTO_L2CAP` (`SOCK_SEQPACKET`, `SOCK_STREAM`, `SOCK_DGRAM`, `SOCK_RAW`).
    pub const L2CAP: Protocol = Protocol(BTPROTO_L2CAP);
    /// `BTPROTO_HCI` (`SOCK_RAW`).
    pub const HCI: Protocol = Protocol(BTPROTO_HCI);
    /// `BTPROTO_SCO` (`SOCK_SEQPACKET`).
    pub const SCO: Protocol = Protocol(BTPROTO_SCO);
    /// `BTPROTO_RFCOMM` (`SOCK_STREAM`).
    pub const RFCOMM: Protocol = Protocol(BTPROTO_RFCOMM);
    /// `BTPROTO_ISO` (`SOCK_SEQPACKET`, LE audio; Linux 6.0+ with experimental features on).
    pub const ISO: Protocol = Protocol(BTPROTO_ISO);
}
