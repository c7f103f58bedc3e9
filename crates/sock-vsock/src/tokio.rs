//! `AF_VSOCK` on tokio (feature `tokio`): the runtime's [`AsyncSocket`] and the
//! [`AsyncVsockExt`] methods. tokio has no vsock types; build sockets with
//! `Socket::new(Family::VSOCK, ty, None)` and register them with `AsyncSocket::new`.

pub use sock_core::tokio::{AsyncSocket, Interest, Reactor};

pub use crate::aio::AsyncVsockExt;
