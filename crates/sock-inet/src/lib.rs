//! AF_INET, AF_INET6 and AF_RDS: IP addresses, options, create_connection and create_server.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the matching feature.
