//! AF_TIPC: Transparent Inter-Process Communication, the cluster IPC of Linux.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the `tipc`
//! feature. It follows the family contract of [`sock_core::FamilyAddr`] and [`sock_core::ProtocolSocket`]:
//!
//! | family | address type(s) | text form example | typed socket(s) | constructor verbs |
//! | --- | --- | --- | --- | --- |
//! | `AF_TIPC` | [`TipcAddr`] ([`TipcName`]: service range, service, socket id; [`Scope`]) | `{2000,200,210}/node`, `{2000,205}`, `<4711:3000>` | none: `Socket` + [`TipcSocketExt`] | `Socket::new(Family::TIPC, ..)` |
//!
//! Coming from Python (`AF_TIPC`, typed):
//!
//! | Python | Rust |
//! | --- | --- |
//! | `(TIPC_ADDR_NAMESEQ, type, lower, upper[, scope])` | [`TipcAddr::service_range`] / [`TipcName::ServiceRange`] |
//! | `(TIPC_ADDR_NAME, type, instance, 0[, scope])` | [`TipcAddr::service`] / [`TipcName::Service`] |
//! | `(TIPC_ADDR_ID, node, ref, 0[, scope])` | [`TipcAddr::socket`] / [`TipcName::Socket`] |
//! | `scope` (`TIPC_ZONE_SCOPE`, `TIPC_CLUSTER_SCOPE`, `TIPC_NODE_SCOPE`) | [`Scope`] |
//! | `TIPC_*` constants, `SOL_TIPC` | [`consts`] (re-exported here) |
//! | `s.setsockopt(SOL_TIPC, TIPC_IMPORTANCE, n)` … | `s.set(`[`IMPORTANCE`]`, &n)` … ([`options`]; on/off options such as [`DEST_DROPPABLE`] take `bool`) |
//! | `TIPC_GROUP_JOIN` / `TIPC_GROUP_LEAVE` | [`TipcSocketExt::join_group`] / [`TipcSocketExt::leave_group`] |
//! | `recvmsg` ancillary data `TIPC_ERRINFO`, `TIPC_RETDATA`, `TIPC_DESTNAME` | [`TipcAncillary`] |
//! | the topology service (`TIPC_TOP_SRV`, `struct tipc_subscr`/`tipc_event`) | [`Subscription`], [`Event`] |
//!
//! Text form of an address (`Display`/`FromStr`; numbers decimal or `0x` hex, written in
//! decimal): `{type,lower,upper}` for a service range, `{type,instance}` for a service address
//! (`{type,instance}@node` with a lookup node), `<node:port>` for a socket id; a scope other
//! than the default cluster scope follows as `/node`, `/zone` or `/<byte>`, e.g.
//! `{2000,200,210}/node`.
//!
//! Decisions:
//! - One address type, [`TipcAddr`], for the three kinds: they share the family and the
//!   struct, and `recvfrom` may report any of them.
//! - A scope without a name is written as its unsigned byte (`Scope(-2)`, "withdraw", is
//!   `/254`), as the shared number rule has no sign.
//! - No typed socket: TIPC sockets need nothing beyond `Socket` but their options, which
//!   are `SockOpt` constants and the sealed [`TipcSocketExt`].
//!
//! Synchronously:
//!
//! ```no_run
//! use sock::{Family, Socket, Type};
//! use sock::tipc::TipcAddr;
//!
//! let server = Socket::new(Family::TIPC, Type::RDM, None)?;
//! server.bind(TipcAddr::service_range(2000, 200, 210))?;
//! let client = Socket::new(Family::TIPC, Type::RDM, None)?;
//! client.send_to(b"hello", TipcAddr::service(2000, 205))?;
//! let (data, from) = server.recv_from_vec(64)?;
//! assert_eq!(TipcAddr::try_from(&from)?, TipcAddr::try_from(&client.local_addr()?)?);
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! The async layer (features `tokio`, `async-io`) is described in the `# Async` section of the
//! docs built with either feature.
#![cfg_attr(any(feature = "tokio", feature = "async-io"), doc = include_str!("async.md"))]

cfg_if::cfg_if! {
    if #[cfg(target_os = "linux")] {
        mod addr;
        #[cfg(any(feature = "tokio", feature = "async-io"))]
        mod aio;
        mod anc;
        pub mod consts;
        mod ext;
        mod form;
        pub mod options;
        mod text;
        mod topsrv;

        pub use addr::{Scope, TipcAddr, TipcName};
        #[cfg(any(feature = "tokio", feature = "async-io"))]
        pub use aio::{AsyncTipcExt, TopologyEvents};
        pub use anc::TipcAncillary;
        pub use consts::*;
        pub use ext::TipcSocketExt;
        pub use options::{
            GroupReq, CONN_TIMEOUT, DEST_DROPPABLE, IMPORTANCE, NODELAY, NODE_RECVQ_DEPTH,
            SOCK_RECVQ_DEPTH, SOCK_RECVQ_USED, SRC_DROPPABLE,
        };
        pub use topsrv::{Event, Subscription};

        /// The async items on tokio (feature `tokio`): [`TopologyEvents`]
        /// and sock-core's `AsyncSocket`, registered with tokio's reactor.
        #[cfg(feature = "tokio")]
        pub mod tokio {
            pub use sock_core::tokio::{AsyncSocket, Interest, Reactor};

            /// The topology service's events as a `Stream`, on tokio.
            ///
            /// ```no_run
            /// # #[tokio::main(flavor = "current_thread")]
            /// # async fn main() -> std::io::Result<()> {
            /// use sock::tipc::{tokio::TopologyEvents, Subscription, TIPC_SUB_SERVICE};
            /// let top = TopologyEvents::connect().await?; // needs `modprobe tipc`
            /// top.subscribe(&Subscription::new(2000, 0, u32::MAX, TIPC_SUB_SERVICE)).await?;
            /// let first = top.recv().await?;
            /// assert!(first.is_some_and(|ev| ev.subscription.service == 2000));
            /// # Ok(())
            /// # }
            /// ```
            pub type TopologyEvents = crate::TopologyEvents<Reactor<sock_core::Socket>>;
        }

        /// The async items on async-io / smol (feature `async-io`): the same names as
        /// `tokio`, registered with async-io's reactor.
        #[cfg(feature = "async-io")]
        pub mod async_io {
            pub use sock_core::async_io::{AsyncSocket, Interest, Reactor};

            /// The topology service's events as a `Stream`, on async-io.
            ///
            /// ```no_run
            /// use sock::tipc::{async_io::TopologyEvents, Subscription, TIPC_SUB_SERVICE};
            /// async_io::block_on(async {
            ///     let top = TopologyEvents::connect().await?; // needs `modprobe tipc`
            ///     top.subscribe(&Subscription::new(2000, 0, u32::MAX, TIPC_SUB_SERVICE)).await?;
            ///     let first = top.recv().await?;
            ///     assert!(first.is_some_and(|ev| ev.subscription.service == 2000));
            ///     Ok::<(), std::io::Error>(())
            /// })?;
            /// # Ok::<(), std::io::Error>(())
            /// ```
            pub type TopologyEvents = crate::TopologyEvents<Reactor<sock_core::Socket>>;
        }
    } else {
        compile_error!("sock-tipc supports Linux only (AF_TIPC is Linux's)");
    }
}
