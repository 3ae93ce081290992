/** Admin GraphQL operations Herald runs. Names matter: the simulator answers by operation name. */
export const SHOP_INFO_QUERY = `#graphql
  query ShopInfo {
    shop { name email contactEmail currencyCode ianaTimezone primaryDomain { url host } }
    shopLocales { locale primary published }
  }
`;
