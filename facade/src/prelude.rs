//! `use sock::prelude::*;` — the one import a program needs: the socket types, the typed
//! kinds, the family contract's traits (so `decode`, `encode`, `into_inner` and `socket()`
//! are callable), and the extension traits of every family that is switched on (their names
//! end in `Ext`, so they clash with nothing).
//!
//! ```
//! use sock::prelude::*;
//! let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
//! a.send(b"hi")?;
//! assert_eq!(b.recv_vec(8)?, b"hi");
//! # Ok::<(), std::io::Error>(())
//! ```

pub use crate::Addr;
pub use sock_core::{
    Family, FamilyAddr, Interface, Mode, OptValue, Protocol, ProtocolSocket, Shutdown, SockAddr, SockOpt, SockRef,
    Socket, SocketKind, SocketOwner, ToSockAddr, Type,
};

#[cfg(feature = "bt")]
pub use sock_bt::{HciDeviceExt, HciSocketExt};
#[cfg(feature = "inet")]
pub use sock_inet::InetSocketExt;
#[cfg(feature = "tipc")]
pub use sock_tipc::TipcSocketExt;
#[cfg(feature = "unix")]
pub use sock_unix::UnixSocketExt;
#[cfg(feature = "vsock")]
pub use sock_vsock::VsockSocketExt;
