from django.urls import path

from . import views

app_name = "claims"

urlpatterns = [
    path("", views.ClaimListView.as_view(), name="home"),
    path("claims/", views.ClaimListView.as_view(), name="list"),
    path("claims/<int:pk>/", views.ClaimDetailView.as_view(), name="detail"),
    path("claims/<int:pk>/<slug:slug>/", views.ClaimDetailView.as_view(), name="detail-slug"),
]
