//! AF_QIPCRTR: the Qualcomm IPC router, which carries datagrams between the application
//! processor and the co-processors (modem, DSPs) of Qualcomm platforms.
//!
//! CPython writes these addresses as `(node, port)`; here they are [`QipcrtrAddr`], which every
//! address-taking method of [`sock_core::Socket`] accepts, and which decodes what
//! `local_addr`/`recv_from` return. The text form is `node:port` in decimal (`1:1024`).
//!
//! ```no_run
//! use sock_core::{Family, Socket, Type};
//! use sock_qipcrtr::QipcrtrAddr;
//!
//! // Needs a kernel with the `qrtr` module.
//! let sock = Socket::new(Family::QIPCRTR, Type::DGRAM, None)?;
//! let node = QipcrtrAddr::from_sock_addr(&sock.local_addr()?)?.node;
//! sock.bind(QipcrtrAddr::new(node, 0))?; // port 0: the kernel picks one
//! assert_ne!(QipcrtrAddr::from_sock_addr(&sock.local_addr()?)?.port, 0);
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Decision: there is no `(u32, u32)` tuple form, because vsock's `(cid, port)` has the same
//! shape; write `QipcrtrAddr::new(node, port)`.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the `qipcrtr` feature.

mod addr;
pub mod consts;

pub use addr::QipcrtrAddr;
pub use consts::*;
