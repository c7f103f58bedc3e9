//! AF_PACKET: link-layer addresses and PACKET_* options.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the matching feature.
