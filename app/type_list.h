// app/type_list.h — a list of types, to say which intents a feature takes (app/intent.h joins the lists into the
// one Intent variant; App::apply sends each intent to the feature whose list holds its type).
#pragma once
#include <type_traits>
#include <variant>

namespace gongyou {

/// The types T...
template <class... T>
struct TypeList {
  /// True when X is one of them.
  template <class X>
  static constexpr bool contains = (std::is_same_v<X, T> || ...);
};

/// The lists joined into one: JoinLists<TypeList<A>, TypeList<B, C>>::type is TypeList<A, B, C>.
template <class... Lists>
struct JoinLists;
template <class... T>
struct JoinLists<TypeList<T...>> {
  using type = TypeList<T...>;
};
template <class... A, class... B, class... Rest>
struct JoinLists<TypeList<A...>, TypeList<B...>, Rest...> : JoinLists<TypeList<A..., B...>, Rest...> {};

/// std::variant of a list's types.
template <class List>
struct VariantOf;
template <class... T>
struct VariantOf<TypeList<T...>> {
  using type = std::variant<T...>;
};

}  // namespace gongyou
