//! The core of `sock`: the [`Socket`] object of CPython's `socket` module, its three modes and
//! timeouts, the raw address carrier [`SockAddr`], ancillary data ([`cmsg`]), option plumbing
//! ([`SockOpt`]), and the constants common to all families ([`consts`]).
//!
//! Family crates (`sock-inet`, `sock-unix`, `sock-can` ...) add typed addresses, options and
//! protocol sockets on top; most programs use them through the `sock` facade.
//!
//! Linux is the first-class target; platform specifics sit behind `cfg_if!` so a later port
//! stays local.
//!
//! ```
//! use sock_core::{Socket, Family, Type};
//! let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
//! a.send(b"ping", 0)?;
//! assert_eq!(b.recv_vec(16, 0)?, b"ping");
//! # Ok::<(), std::io::Error>(())
//! ```

mod macros;

cfg_if::cfg_if! {
    if #[cfg(target_os = "linux")] {
        mod addr;
        pub mod cmsg;
        pub mod consts;
        mod error;
        mod family;
        mod iface;
        mod kinds;
        mod mode;
        pub mod pod;
        mod socket;
        mod sys;
        pub mod text;
        pub mod wait;

        pub use addr::{SockAddr, ToSockAddr, SOCKADDR_MAX};
        pub use cmsg::{cmsg_len, cmsg_space};
        pub use error::{cvt, invalid_input, timed_out, IsMinusOne};
        pub use family::{family_name, FamilyAddr, ProtocolSocket, SocketKind};
        pub use iface::{if_index, if_name, IfName, Interface, IFNAMSIZ};
        pub use kinds::{Family, Protocol, Type};
        pub use mode::{default_timeout, set_default_timeout, Mode};
        pub use pod::Pod;
        pub use socket::*;
    } else {
        compile_error!("sock-core supports Linux only for now; the platform code is gated so a port stays local");
    }
}
